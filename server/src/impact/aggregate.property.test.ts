import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPACT_SOURCES } from '../../../lib/impact/sources';
import { MINUTES_SAVED_CHOICES } from '../../../lib/impact/types';
import { aggregateLedger, monthOf, type LedgerRow } from './aggregate';

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2026, 6, 1); // six months
const MONTH_STARTS = [0, 1, 2, 3, 4, 5, 6].map((m) => Date.UTC(2026, m, 1));

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
const summarise = (rows: LedgerRow[], k: number, from = FROM, to = TO) =>
  aggregateLedger(rows, { communityId: 'c', from, to, k });

describe('aggregateLedger (properties)', () => {
  it('shows no cell counting fewer than k people', () => {
    fc.assert(
      fc.property(rowsArb, kArb, (rows, k) => {
        const s = summarise(rows, k);
        const cells = [s.total, ...s.byMonth.map((m) => m.cell), ...s.bySource.map((b) => b.cell)];
        for (const cell of cells) if (cell) expect(cell.members).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('ignores every answer in a (month, source) group of fewer than k: removing them changes no figure', () => {
    fc.assert(
      fc.property(rowsArb, kArb, (rows, k) => {
        const groups = new Map<string, Set<string>>();
        for (const r of rows) {
          const key = `${monthOf(r.receivedAt)} ${r.source}`;
          groups.set(key, (groups.get(key) ?? new Set()).add(r.memberId));
        }
        const big = rows.filter((r) => groups.get(`${monthOf(r.receivedAt)} ${r.source}`)!.size >= k);
        expect(summarise(big, k)).toEqual(summarise(rows, k));
      }),
    );
  });

  it('answers any period as whole months, so two periods differ by whole shown months only', () => {
    fc.assert(
      fc.property(
        rowsArb,
        kArb,
        fc.integer({ min: FROM, max: TO - 1 }),
        fc.integer({ min: 1, max: 100 * 86_400_000 }),
        (rows, k, from, span) => {
          const to = Math.min(from + span, TO);
          const narrow = summarise(rows, k, from, to);
          // Same figures as asking for the whole months around it.
          const start = MONTH_STARTS.filter((m) => m <= from).at(-1)!;
          const end = MONTH_STARTS.find((m) => m >= to)!;
          expect(narrow).toEqual(summarise(rows, k, start, end));
          // The wider period's figures are the narrow one's plus whole months, each shown (k people) or left out.
          const wide = summarise(rows, k);
          const minutes = (c: { minutesSaved: number } | null) => c?.minutesSaved ?? 0;
          const outside = wide.byMonth.filter((m) => !narrow.byMonth.some((n) => n.month === m.month));
          expect(minutes(wide.total)).toBe(minutes(narrow.total) + outside.reduce((s, m) => s + minutes(m.cell), 0));
        },
      ),
    );
  });

  it('lists outcomes only from shown groups, and never a member id', () => {
    fc.assert(
      fc.property(rowsArb, kArb, (rows, k) => {
        const s = summarise(rows, k);
        if (!s.total) expect(s.outcomes).toEqual([]);
        expect(s.outcomes.length).toBeLessThanOrEqual((s.total?.wins ?? 0) + (s.total?.stories ?? 0));
        expect(JSON.stringify(s)).not.toMatch(/"m\d+"/);
      }),
    );
  });
});
