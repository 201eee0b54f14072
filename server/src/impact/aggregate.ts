import { IMPACT_SOURCES } from '../../../lib/impact/sources';
import type { ImpactOutcome, ImpactSource, LedgerCell, LedgerSummary } from '../../../lib/impact/types';

/** One stored answer, as the summary reads it: who (never shown), where from, when received, what it said. */
export interface LedgerRow {
  memberId: string;
  source: ImpactSource;
  /** When the endpoint received it (ms): the month it counts in. */
  receivedAt: number;
  minutesSaved: number | null;
  outcome: ImpactOutcome | null;
  noteId: string;
  outcomeNoteId: string | null;
}

/** `YYYY-MM` of a UTC time. */
export const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);

/** The start of the UTC month holding `at`, and the start of the month after the one holding `at - 1`. */
export const monthStart = (at: number) => {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
export const monthEnd = (at: number) => {
  const start = monthStart(at - 1);
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/** Every `YYYY-MM` from `from` (a month start) up to, not including, `to` (a month start). */
export function monthsBetween(from: number, to: number): string[] {
  const months: string[] = [];
  for (let d = new Date(from); d.getTime() < to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(monthOf(d.getTime()));
  }
  return months;
}

/** The median of the positive values (0 when there are none). */
function median(values: number[]): number {
  const v = values.filter((n) => n > 0).sort((a, b) => a - b);
  if (!v.length) return 0;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

function cellOf(rows: readonly LedgerRow[]): LedgerCell {
  return {
    members: new Set(rows.map((r) => r.memberId)).size,
    entries: rows.length,
    minutesSaved: rows.reduce((s, r) => s + (r.minutesSaved ?? 0), 0),
    medianMinutes: median(rows.map((r) => r.minutesSaved ?? 0)),
    wins: rows.filter((r) => r.outcome === 'win').length,
    stories: rows.filter((r) => r.outcome === 'story').length,
  };
}

/**
 * The ledger's aggregates for [from, to) widened to whole UTC months, withholding every group of fewer than `k` people.
 *
 * Privacy by construction: the only groups ever measured are the fixed bins (month received, source). A bin of
 * fewer than k distinct members is dropped before anything is added up, and every figure (total, per month,
 * per source, outcomes) is computed from the kept bins only. Bins do not depend on the period asked for (it is
 * widened to whole months), so two summaries differ only by whole kept bins: no choice of `from`/`to`, and no
 * difference of two summaries, isolates a group smaller than k. A month or source with no kept bin is null.
 * The price: figures leave out small bins, so the total can be below the sum of everything answered.
 */
export function aggregateLedger(
  rows: readonly LedgerRow[],
  input: { communityId: string; from: number; to: number; k: number },
): Omit<LedgerSummary, 'named'> {
  const { k } = input;
  const from = monthStart(input.from);
  const to = monthEnd(input.to);
  const months = monthsBetween(from, to);
  const bins = new Map<string, LedgerRow[]>();
  for (const r of rows) {
    if (r.receivedAt < from || r.receivedAt >= to) continue;
    const key = `${monthOf(r.receivedAt)} ${r.source}`;
    const bin = bins.get(key);
    if (bin) bin.push(r);
    else bins.set(key, [r]);
  }
  const kept: LedgerRow[] = [];
  for (const bin of bins.values()) if (new Set(bin.map((r) => r.memberId)).size >= k) kept.push(...bin);
  const shown = (part: LedgerRow[]) => (part.length ? cellOf(part) : null);
  const outcomes = new Map<string, LedgerSummary['outcomes'][number]>();
  for (const r of kept) {
    if (!r.outcome) continue;
    const key = `${r.noteId} ${r.outcome} ${r.outcomeNoteId ?? ''}`;
    if (!outcomes.has(key)) outcomes.set(key, { noteId: r.noteId, outcome: r.outcome, outcomeNoteId: r.outcomeNoteId });
  }
  return {
    communityId: input.communityId,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    k,
    total: shown(kept),
    byMonth: months.map((month) => ({ month, cell: shown(kept.filter((r) => monthOf(r.receivedAt) === month)) })),
    bySource: IMPACT_SOURCES.map((source) => ({ source, cell: shown(kept.filter((r) => r.source === source)) })),
    outcomes: [...outcomes.values()].sort(
      (a, b) => a.noteId.localeCompare(b.noteId) || a.outcome.localeCompare(b.outcome),
    ),
  };
}
