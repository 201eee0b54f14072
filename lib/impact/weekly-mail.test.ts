import { describe, expect, it } from 'vitest';
import { isoWeekOf, previousIsoWeek } from './weekly-mail';

describe('ISO weeks in UTC', () => {
  it('follows ISO 8601 across year ends (the week of the Thursday)', () => {
    // 2026-01-01 is a Thursday: week 1 of 2026 starts Monday 2025-12-29.
    expect(isoWeekOf(Date.UTC(2026, 0, 1, 12))).toEqual({
      key: '2026-W01',
      start: Date.UTC(2025, 11, 29),
      end: Date.UTC(2026, 0, 5),
    });
    expect(isoWeekOf(Date.UTC(2025, 11, 29)).key).toBe('2026-W01');
    expect(isoWeekOf(Date.UTC(2025, 11, 28, 23, 59)).key).toBe('2025-W52');
    // 2026 has 53 weeks (it starts on a Thursday); 2027-01-01 (a Friday) is still in 2026-W53.
    expect(isoWeekOf(Date.UTC(2027, 0, 1)).key).toBe('2026-W53');
    expect(isoWeekOf(Date.UTC(2027, 0, 4)).key).toBe('2027-W01');
    expect(isoWeekOf(Date.UTC(2021, 0, 3)).key).toBe('2020-W53');
  });

  it('the Monday job covers the whole week before, from Monday 00:00 UTC', () => {
    expect(previousIsoWeek(Date.UTC(2026, 0, 19, 0, 0)).key).toBe('2026-W03');
    expect(previousIsoWeek(Date.UTC(2026, 0, 18, 23, 59)).key).toBe('2026-W02');
    expect(previousIsoWeek(Date.UTC(2026, 0, 5, 9))).toEqual(isoWeekOf(Date.UTC(2026, 0, 1)));
  });
});
