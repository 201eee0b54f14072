import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the set rate and says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 30 }, () => now);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 0]);
    expect(limiter.take('a')).toBe(2);
    expect(limiter.take('b')).toBe(0);
    now += 2000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(2);
  });

  it('counts a cost of several units; a cost above the burst passes on a full bucket and leaves it in debt', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 10, perMinute: 60 }, () => now);
    expect(limiter.take('a', 6)).toBe(0);
    expect(limiter.take('a', 6)).toBe(2);
    expect(limiter.take('b', 25)).toBe(0);
    expect(limiter.take('b', 1)).toBe(16);
    now += 25_000;
    expect(limiter.take('b', 10)).toBe(0);
  });
});
