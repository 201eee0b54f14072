import { describe, expect, it } from 'vitest';
import { freshness } from './freshness';

const ready = { digest: { day: '2026-11-25', timeZone: 'Europe/Berlin' }, settingsKey: 'k', computedAt: 1000 };
const want = { day: '2026-11-25', timeZone: 'Europe/Berlin', settingsKey: 'k' };

describe('freshness', () => {
  it('is current for the same day, zone and settings with no later change', () => {
    expect(freshness(ready, null, want)).toBe('current');
    expect(freshness(ready, 999, want)).toBe('current'); // a change the digest already holds
  });
  it('is pending when a change was seen after the digest was computed', () => {
    expect(freshness(ready, 1001, want)).toBe('pending');
  });
  it('is stale for another day, zone or settings, and none without a digest', () => {
    expect(freshness(ready, null, { ...want, day: '2026-11-26' })).toBe('stale');
    expect(freshness(ready, null, { ...want, timeZone: 'America/New_York' })).toBe('stale');
    expect(freshness(ready, null, { ...want, settingsKey: 'other' })).toBe('stale');
    expect(freshness(null, null, want)).toBe('none');
  });
});
