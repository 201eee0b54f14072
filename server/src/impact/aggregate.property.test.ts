import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPACT_SOURCES } from '../../../lib/impact/sources';
import { MINUTES_SAVED_CHOICES } from '../../../lib/impact/types';
import { aggregateLedger, type LedgerRow } from './aggregate';

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2026, 6, 1); // six months (in UTC; a community's months are cut in its own zone)

/** Zones at both ends of the clock, with DST both ways, half- and quarter-hour offsets and a half-hour DST shift. */
const ZONES = [
  'UTC',
  'Pacific/Kiritimati', // UTC+14
  'Etc/GMT+12', // UTC−12
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Asia/Kathmandu',
  'America/Santiago',
] as const;

/**
 * The oracle, independent of lib/digest/time: the local `YYYY-MM` of an instant from Intl's own calendar date, and
 * a local month's first instant found by bisection on it (to the millisecond).
 */
const localDate = (t: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
const localMonth = (t: number, timeZone: string) => localDate(t, timeZone).slice(0, 7);
function oracleMonthStart(key: string, timeZone: string): number {
  const [y, m] = key.split('-').map(Number);
  let lo = Date.UTC(y!, m! - 1, 1) - 2 * 86_400_000; // still the month before, in every zone
  let hi = Date.UTC(y!, m! - 1, 1) + 2 * 86_400_000; // already this month
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localMonth(mid, timeZone) >= key) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Answers from a small pool of members (so groups near k are common), spread over the six months. */
const rowArb: fc.Arbitrary<LedgerRow> = fc.record({
  memberId: fc.integer({ min: 0, max: 11 }).map((i) => `m${i}`),
  source: fc.constantFrom(...IMPACT_SOURCES),
  receivedAt: fc.integer({ min: FROM, max: TO - 1 }),
  minutesSaved: fc.option(fc.constantFrom(...MINUTES_SAVED_CHOICES), { nil: null }),
  outcome: fc.option(fc.constantFrom('win' as const, 'story' as const), { nil: null }),
  noteId: fc.constantFrom('n1', 'n2', 'n3'),
  outcomeNoteId: fc.constant(null),
});
const rowsArb = fc.array(rowArb, { maxLength: 120 });
const kArb = fc.integer({ min: 5, max: 8 });
const zoneArb = fc.constantFrom(...ZONES);
const summarise = (rows: LedgerRow[], k: number, timeZone: string, from = FROM, to = TO) =>
  aggregateLedger(rows, { communityId: 'c', from, to, k, timeZone });

describe('aggregateLedger (properties)', () => {
  it('shows no cell counting fewer than k people', () => {
    fc.assert(
      fc.property(rowsArb, kArb, zoneArb, (rows, k, zone) => {
        const s = summarise(rows, k, zone);
        const cells = [s.total, ...s.byMonth.map((m) => m.cell), ...s.bySource.map((b) => b.cell)];
        for (const cell of cells) if (cell) expect(cell.members).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('ignores every answer in a (local month, source) group of fewer than k: removing them changes no figure', () => {
    fc.assert(
      fc.property(rowsArb, kArb, zoneArb, (rows, k, zone) => {
        const bin = (r: LedgerRow) => `${localMonth(r.receivedAt, zone)} ${r.source}`;
        const groups = new Map<string, Set<string>>();
        for (const r of rows) groups.set(bin(r), (groups.get(bin(r)) ?? new Set()).add(r.memberId));
        const big = rows.filter((r) => groups.get(bin(r))!.size >= k);
        expect(summarise(big, k, zone)).toEqual(summarise(rows, k, zone));
      }),
    );
  });

  it('answers any period as whole local months of the community zone, so two periods differ by whole shown months only', () => {
    fc.assert(
      fc.property(
        rowsArb,
        kArb,
        zoneArb,
        fc.integer({ min: FROM + 3 * 86_400_000, max: TO - 3 * 86_400_000 }),
        fc.integer({ min: 1, max: 100 * 86_400_000 }),
        (rows, k, zone, from, span) => {
          const to = Math.min(from + span, TO - 3 * 86_400_000);
          if (to <= from) return;
          const narrow = summarise(rows, k, zone, from, to);
          // Widened to the oracle's local month edges, and the same figures as asking for those whole months.
          const start = oracleMonthStart(localMonth(from, zone), zone);
          const lastMonth = localMonth(to - 1, zone);
          const [y, m] = lastMonth.split('-').map(Number);
          const end = oracleMonthStart(new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 7), zone);
          expect(narrow).toMatchObject({ from: new Date(start).toISOString(), to: new Date(end).toISOString() });
          expect(narrow.timeZone).toBe(zone);
          expect(summarise(rows, k, zone, start, end)).toEqual(narrow);
          // Two summaries in the community's zone differ by whole months, each shown (k people) or left out.
          const wide = summarise(rows, k, zone, FROM + 3 * 86_400_000, TO - 3 * 86_400_000);
          const sum = (c: { minutesSaved: number; entries: number } | null) => [c?.minutesSaved ?? 0, c?.entries ?? 0];
          const outside = wide.byMonth.filter((mo) => !narrow.byMonth.some((n) => n.month === mo.month));
          for (const mo of outside) if (mo.cell) expect(mo.cell.members).toBeGreaterThanOrEqual(k);
          const rest = outside.map((mo) => sum(mo.cell)).reduce((a, b) => [a[0]! + b[0]!, a[1]! + b[1]!], [0, 0]);
          expect(sum(wide.total)).toEqual([sum(narrow.total)[0]! + rest[0]!, sum(narrow.total)[1]! + rest[1]!]);
        },
      ),
    );
  });

  it('counts each answer in the local month it was received in, cut at the oracle’s local midnights', () => {
    fc.assert(
      fc.property(rowsArb, zoneArb, (rows, zone) => {
        // k = 5 with five copies of each answer by five members: every bin shows, so each month's count is exact.
        const many = rows.flatMap((r) => [0, 1, 2, 3, 4].map((i) => ({ ...r, memberId: `${r.memberId}-${i}` })));
        const s = summarise(many, 5, zone);
        const expected = new Map<string, number>();
        for (const r of many) {
          const key = localMonth(r.receivedAt, zone);
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        for (const m of s.byMonth)
          expect([m.month, m.cell?.entries ?? 0]).toEqual([m.month, expected.get(m.month) ?? 0]);
        expect(s.byMonth.reduce((n, m) => n + (m.cell?.entries ?? 0), 0)).toBe(many.length);
      }),
    );
  });

  it('lists outcomes only from shown groups, and never a member id', () => {
    fc.assert(
      fc.property(rowsArb, kArb, zoneArb, (rows, k, zone) => {
        const s = summarise(rows, k, zone);
        if (!s.total) expect(s.outcomes).toEqual([]);
        expect(s.outcomes.length).toBeLessThanOrEqual((s.total?.wins ?? 0) + (s.total?.stories ?? 0));
        expect(JSON.stringify(s)).not.toMatch(/"m\d+"/);
      }),
    );
  });
});
