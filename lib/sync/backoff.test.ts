import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay, parseRetryAfter } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially between half and all of the ceiling', () => {
    expect(backoffDelay(1, () => 0)).toBe(BACKOFF_BASE_MS / 2);
    expect(backoffDelay(1, () => 0.999)).toBeLessThanOrEqual(BACKOFF_BASE_MS);
    expect(backoffDelay(4, () => 0)).toBe((BACKOFF_BASE_MS * 8) / 2);
  });
  it('is capped however many failures', () => {
    expect(backoffDelay(500, () => 0.999)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });
  it('never retries sooner than Retry-After', () => {
    expect(backoffDelay(1, () => 0, 60_000)).toBe(60_000);
  });
  it('spreads clients that failed together', () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => backoffDelay(5, () => r)));
    expect(delays.size).toBe(4);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  });
  it('ignores absent or garbage values and clamps huge ones', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter('99999999', 0)).toBe(24 * 3600 * 1000);
  });
});
