import { describe, expect, it } from 'vitest';
import { isoWeekOf, previousIsoWeek, renderWeeklyMail } from './weekly-mail';

describe('ISO weeks in UTC', () => {
  it('follows ISO 8601 across year ends (the week of the Thursday)', () => {
    // 2026-01-01 is a Thursday: week 1 of 2026 starts Monday 2025-12-29.
    expect(isoWeekOf(Date.UTC(2026, 0, 1, 12), 'UTC')).toEqual({
      key: '2026-W01',
      start: Date.UTC(2025, 11, 29),
      end: Date.UTC(2026, 0, 5),
      timeZone: 'UTC',
    });
    expect(isoWeekOf(Date.UTC(2025, 11, 29), 'UTC').key).toBe('2026-W01');
    expect(isoWeekOf(Date.UTC(2025, 11, 28, 23, 59), 'UTC').key).toBe('2025-W52');
    // 2026 has 53 weeks (it starts on a Thursday); 2027-01-01 (a Friday) is still in 2026-W53.
    expect(isoWeekOf(Date.UTC(2027, 0, 1), 'UTC').key).toBe('2026-W53');
    expect(isoWeekOf(Date.UTC(2027, 0, 4), 'UTC').key).toBe('2027-W01');
    expect(isoWeekOf(Date.UTC(2021, 0, 3), 'UTC').key).toBe('2020-W53');
  });

  it('the Monday job covers the whole week before, from Monday 00:00 UTC', () => {
    expect(previousIsoWeek(Date.UTC(2026, 0, 19, 0, 0), 'UTC').key).toBe('2026-W03');
    expect(previousIsoWeek(Date.UTC(2026, 0, 18, 23, 59), 'UTC').key).toBe('2026-W02');
    expect(previousIsoWeek(Date.UTC(2026, 0, 5, 9), 'UTC')).toEqual(isoWeekOf(Date.UTC(2026, 0, 1), 'UTC'));
  });
});

describe('ISO weeks in the community’s ledger zone', () => {
  it('runs from local Monday midnight to local Monday midnight, a DST week being seven local days', () => {
    // Europe/London moves to BST on Sunday 29 March 2026: that week is 167 hours long.
    const week = isoWeekOf(Date.UTC(2026, 2, 26, 12), 'Europe/London');
    expect(week).toEqual({
      key: '2026-W13',
      start: Date.UTC(2026, 2, 23),
      end: Date.UTC(2026, 2, 29, 23),
      timeZone: 'Europe/London',
    });
    expect((week.end - week.start) / 3_600_000).toBe(167);
    // Pacific/Kiritimati (UTC+14) is already in Monday's week while UTC is still on Sunday.
    expect(isoWeekOf(Date.UTC(2026, 0, 18, 12), 'Pacific/Kiritimati').key).toBe('2026-W04');
    expect(isoWeekOf(Date.UTC(2026, 0, 18, 12), 'UTC').key).toBe('2026-W03');
  });

  it('says the week and the whole months of the ledger in their zone', () => {
    const zone = 'Australia/Lord_Howe';
    const week = previousIsoWeek(Date.UTC(2026, 3, 6, 12), zone); // Monday 6 April, local evening
    expect(week.key).toBe('2026-W14');
    const mail = renderWeeklyMail({
      communityName: 'Makers',
      week,
      questions: { asked: 1, answered: 0, open: 1 },
      ledger: {
        communityId: 'c',
        from: '2026-03-31T13:00:00.000Z',
        to: '2026-04-30T13:30:00.000Z',
        timeZone: zone,
        k: 5,
        total: null,
        byMonth: [{ month: '2026-04', cell: null }],
        bySource: [],
        outcomes: [],
        named: [],
      },
    });
    expect(mail.text).toContain(`\n2026-03-30 to 2026-04-05 (${zone})\n`);
    expect(mail.text).toContain(`Impact ledger, whole months April 2026 (${zone})`);
  });
});
