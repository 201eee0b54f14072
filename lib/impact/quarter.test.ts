import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from '../digest/time';
import { quarterOf } from './quarter';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia'];
const dayOfMonth = (t: number, zone: string) => new Date(localDay(t, zone) * 86_400_000).getUTCDate();

describe('quarterOf', () => {
  it('starts November at local midnight on the day New York falls back (1 November 2026)', () => {
    const q = quarterOf(Date.parse('2026-12-05T03:00:00Z'), 'America/New_York');
    expect(q.label).toBe('2026 Q4');
    expect(q.months.map((m) => new Date(m.from).toISOString())).toEqual([
      '2026-10-01T04:00:00.000Z',
      '2026-11-01T04:00:00.000Z',
      '2026-12-01T05:00:00.000Z',
    ]);
    expect(new Date(q.to).toISOString()).toBe('2027-01-01T05:00:00.000Z');
  });

  it('takes the quarter of the local day: 31 March 23:30 in London after the spring change is Q1, 1 April is Q2', () => {
    expect(quarterOf(Date.parse('2027-03-31T22:30:00Z'), 'Europe/London').label).toBe('2027 Q1');
    expect(quarterOf(Date.parse('2027-03-31T23:30:00Z'), 'Europe/London').label).toBe('2027 Q2');
    expect(new Date(quarterOf(Date.parse('2027-04-10T00:00:00Z'), 'Europe/London').from).toISOString()).toBe(
      '2027-03-31T23:00:00.000Z',
    );
  });

  it('holds now, and its months are consecutive local months starting at a local midnight (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...ZONES),
        (now, zone) => {
          const q = quarterOf(now, zone);
          expect(q.from).toBeLessThanOrEqual(now);
          expect(now).toBeLessThan(q.to);
          q.months.forEach((m, i) => {
            expect(dayOfMonth(m.from, zone)).toBe(1);
            expect(localDay(m.from - 1, zone)).toBe(localDay(m.from, zone) - 1);
            expect(m.to).toBe(i < 2 ? q.months[i + 1]!.from : q.to);
          });
          expect(dayOfMonth(q.to, zone)).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
