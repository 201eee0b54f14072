import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportBlocks } from './document';
import { impactReport } from './figures';
import { monthEnd, monthsBetween, monthStart } from './months';
import { ledgerQuery, quarterOf } from './quarter';
import type { LedgerSummary } from './types';

const ZONES = [
  'UTC',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
  'America/Santiago',
];

const summary = (timeZone: string, months: string[]): LedgerSummary => {
  const cell = { members: 6, entries: 6, minutesSaved: 180, medianMinutes: 30, wins: 0, stories: 0 };
  return {
    communityId: 'c',
    from: '2026-10-01T00:00:00.000Z',
    to: '2027-01-01T00:00:00.000Z',
    timeZone,
    k: 5,
    total: { ...cell, minutesSaved: 180 * months.length },
    byMonth: months.map((month) => ({ month, cell })),
    bySource: [{ source: 'search', cell: { ...cell, minutesSaved: 180 * months.length } }],
    outcomes: [],
    named: [],
  };
};
const report = (timeZone: string, ledgerZone: string) =>
  impactReport({
    communityId: 'c',
    communityName: 'Makers',
    notes: [],
    questionEvents: [],
    events: [],
    summary: summary(ledgerZone, ['2026-10', '2026-11', '2026-12']),
    now: Date.UTC(2026, 10, 20),
    timeZone,
  });
const words = (r: ReturnType<typeof report>) => reportBlocks(r).flatMap((b) => ('text' in b ? [b.text] : []));

describe('the ledger’s months beside the report’s', () => {
  it('asks for the quarter so that the endpoint, in any zone, widens it to exactly the quarter’s calendar months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        (now, reportZone, ledgerZone) => {
          const quarter = quarterOf(now, reportZone);
          const q = ledgerQuery(quarter);
          // What the endpoint does with it (server/src/impact/aggregate.ts), in the community's zone.
          const months = monthsBetween(monthStart(q.from, ledgerZone), monthEnd(q.to, ledgerZone), ledgerZone);
          expect(months.map((m) => m.key)).toEqual(quarter.months.map((m) => m.key));
          // In the same zone, the ledger's months are the report's to the millisecond.
          if (ledgerZone === reportZone) {
            expect(months.map((m) => [m.from, m.to])).toEqual(quarter.months.map((m) => [m.from, m.to]));
          }
        },
      ),
    );
  });

  it('says in words which zone the ledger’s months are in when it is not the report’s, and nothing when it is', () => {
    const other = report('Europe/London', 'Pacific/Auckland');
    expect(other.timeSaved).toMatchObject({ isAvailable: true, timeZone: 'Pacific/Auckland', isSameZone: false });
    expect(words(other)).toContain(
      'The ledger counts each answer in the month it reached the community’s endpoint, in the community’s time zone ' +
        '(Pacific/Auckland), while this report’s months are in Europe/London: an answer from the hours around a ' +
        'month’s edge may count in the neighbouring month.',
    );
    for (const [mine, theirs] of [
      ['Europe/London', 'Europe/London'],
      ['UTC', 'utc'], // spelt differently, the same zone
    ]) {
      const same = report(mine!, theirs!);
      expect(same.timeSaved).toMatchObject({ isAvailable: true, isSameZone: true });
      expect(words(same).join('\n')).not.toMatch(/time zone/);
    }
  });
});
