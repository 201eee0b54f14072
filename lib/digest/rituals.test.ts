import { describe, expect, it } from 'vitest';
import { RitualSchema } from './ritual-schema';
import { nextOccurrence, occurrenceAt } from './rituals';
import { dayString, parseDay, weekdayOf, weeksOfMonthOf } from './time';
import type { Ritual } from './types';

const ritual = (patch: Partial<Ritual>): Ritual => ({
  id: 'r',
  kind: 'huddle',
  title: 'Huddle',
  cadence: 'monthly-weekday',
  anchor: '2026-01-01',
  nth: 1,
  ...patch,
});
const next = (r: Ritual, today: string) => dayString(nextOccurrence(r, parseDay(today)!)!);

describe('"first Thursday"-style rituals', () => {
  it('fall on the nth weekday of each month, or its last', () => {
    const firstThursday = ritual({});
    expect([0, 1, 2, 3].map((k) => dayString(occurrenceAt(firstThursday, k)!))).toEqual([
      '2026-01-01',
      '2026-02-05',
      '2026-03-05',
      '2026-04-02',
    ]);
    const lastFriday = ritual({ anchor: '2026-01-30', nth: -1 });
    expect([0, 1, 2, 3].map((k) => dayString(occurrenceAt(lastFriday, k)!))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
    ]);
    expect(next(firstThursday, '2026-02-06')).toBe('2026-03-05');
    expect(next(firstThursday, '2026-03-05')).toBe('2026-03-05');
    expect(next(lastFriday, '2026-12-26')).toBe('2027-01-29');
  });

  it('know which weeks a day is', () => {
    expect(weekdayOf(parseDay('2026-01-01')!)).toBe(4); // Thursday
    expect(weeksOfMonthOf(parseDay('2026-01-01')!)).toEqual([1]);
    expect(weeksOfMonthOf(parseDay('2026-01-25')!)).toEqual([4, -1]); // the fourth and last Sunday
    expect(weeksOfMonthOf(parseDay('2026-01-30')!)).toEqual([-1]); // the fifth Friday is the last
  });

  it('are validated: the week is required, and the anchor must be that week', () => {
    expect(RitualSchema.safeParse(ritual({})).success).toBe(true);
    expect(RitualSchema.safeParse(ritual({ nth: undefined })).success).toBe(false);
    expect(RitualSchema.safeParse(ritual({ nth: 2 })).success).toBe(false); // Jan 1 is the first Thursday
    expect(RitualSchema.safeParse(ritual({ anchor: '2026-02-30' })).success).toBe(false);
    expect(RitualSchema.safeParse(ritual({ cadence: 'monthly' })).success).toBe(false); // nth only with its cadence
    expect(RitualSchema.safeParse({ ...ritual({ cadence: 'weekly' }), nth: undefined }).success).toBe(true);
  });

  it('leave the anchor-day cadences as they were', () => {
    const r = (cadence: Ritual['cadence'], anchor: string): Ritual => ({
      id: 'x',
      kind: 'ama',
      title: 'x',
      cadence,
      anchor,
    });
    expect(next(r('monthly', '2026-01-31'), '2026-02-01')).toBe('2026-02-28');
    expect(next(r('monthly', '2026-01-31'), '2026-03-01')).toBe('2026-03-31');
    expect(next(r('quarterly', '2026-01-22'), '2026-01-23')).toBe('2026-04-22');
    expect(next(r('biweekly', '2026-01-07'), '2026-01-08')).toBe('2026-01-21');
    expect(next(r('weekly', '2026-01-09'), '2026-01-09')).toBe('2026-01-09');
    expect(next(r('weekly', '2026-01-09'), '2025-12-01')).toBe('2026-01-09');
  });
});
