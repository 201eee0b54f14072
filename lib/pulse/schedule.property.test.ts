import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayStart, localDay, parseDay } from '../digest/time';
import { POLL_CADENCES } from './schema';
import { openOccurrence, upcomingOccurrence, type PollTiming } from './schedule';

/** Zones with DST both ways, half-hour offsets, a midnight DST gap (Santiago) and none at all. */
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'Australia/Adelaide',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'America/St_Johns',
];
const timing: fc.Arbitrary<PollTiming> = fc.record({
  cadence: fc.constantFrom(...POLL_CADENCES),
  anchor: fc
    .integer({ min: parseDay('2025-01-01')!, max: parseDay('2027-12-31')! })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
  openDays: fc.integer({ min: 1, max: 7 }),
  timeZone: fc.constantFrom(...ZONES),
});
const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) });

describe('poll recurrence across DST and zones (properties)', () => {
  it('an open occurrence holds now, starts and ends at local midnights, and is openDays local days long', () => {
    fc.assert(
      fc.property(timing, instant, (p, now) => {
        const o = upcomingOccurrence(p, now)!;
        expect(o.closesAt).toBeGreaterThan(now);
        const day = parseDay(o.key)!;
        expect(o.closesAt).toBe(dayStart(day, p.timeZone));
        expect(o.opensAt).toBe(dayStart(day - p.openDays, p.timeZone));
        expect(localDay(o.opensAt, p.timeZone)).toBe(day - p.openDays);
        expect(localDay(o.closesAt - 1, p.timeZone)).toBe(day - 1);
        const open = openOccurrence(p, now);
        expect(open !== null).toBe(now >= o.opensAt && now < o.closesAt);
      }),
      { numRuns: 400 },
    );
  });

  it('windows never overlap and follow each other in order: one occurrence at a time', () => {
    fc.assert(
      fc.property(timing, instant, (p, now) => {
        const a = upcomingOccurrence(p, now)!;
        const b = upcomingOccurrence(p, a.closesAt)!;
        expect(b.key > a.key).toBe(true);
        expect(b.opensAt).toBeGreaterThanOrEqual(a.closesAt);
        // Every instant inside a's window resolves to a (no other occurrence is open meanwhile).
        const mid = a.opensAt + Math.floor((a.closesAt - a.opensAt) / 2);
        expect(openOccurrence(p, mid)?.key).toBe(a.key);
      }),
      { numRuns: 300 },
    );
  });

  it('the same poll in two zones opens on the same local calendar days', () => {
    fc.assert(
      fc.property(timing, fc.constantFrom(...ZONES), instant, (p, other, now) => {
        const here = upcomingOccurrence(p, now)!;
        const there = upcomingOccurrence({ ...p, timeZone: other }, here.opensAt - 86_400_000 * 2)!;
        const keys = [there.key, upcomingOccurrence({ ...p, timeZone: other }, there.closesAt)!.key];
        expect(keys).toContain(here.key);
      }),
      { numRuns: 300 },
    );
  });
});
