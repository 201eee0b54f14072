import { monthEnd, monthsBetween, monthStart } from '../../../lib/impact/months';
import { IMPACT_SOURCES } from '../../../lib/impact/sources';
import type { ImpactOutcome, ImpactSource, LedgerCell, LedgerSummary } from '../../../lib/impact/types';

/** One stored answer, as the summary reads it: who (never shown), where from, when received, what it said. */
export interface LedgerRow {
  memberId: string;
  source: ImpactSource;
  /** When the endpoint received it (ms): the month it counts in, in the community's zone. */
  receivedAt: number;
  minutesSaved: number | null;
  outcome: ImpactOutcome | null;
  noteId: string;
  outcomeNoteId: string | null;
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
 * The ledger's aggregates for [from, to) widened to whole local months in the community's `timeZone`, withholding
 * every group of fewer than `k` people.
 *
 * Privacy by construction: the only groups ever measured are the fixed bins (local month received, source). A bin
 * of fewer than k distinct members is dropped before anything is added up, and every figure (total, per month,
 * per source, outcomes) is computed from the kept bins only. Bins depend only on the community's zone, which only
 * an admin sets (one per community, never chosen per request: two summaries in two zones would differ by the few
 * members who answered in the hours between the two month edges). They do not depend on the period asked for (it
 * is widened to whole months), so two summaries differ only by whole kept bins: no choice of `from`/`to`, and no
 * difference of two summaries, isolates a group smaller than k. A month or source with no kept bin is null.
 * The price: figures leave out small bins, so the total can be below the sum of everything answered. When an admin
 * changes the zone, every month is cut anew: a summary read before and one after may differ by hours at each edge,
 * and each is still made of bins of at least k people; comparing the two cuttings is open to whoever can switch
 * the zone, which is why only an admin can.
 */
export function aggregateLedger(
  rows: readonly LedgerRow[],
  input: { communityId: string; from: number; to: number; k: number; timeZone: string },
): Omit<LedgerSummary, 'named'> {
  const { k, timeZone } = input;
  const from = monthStart(input.from, timeZone);
  const to = monthEnd(input.to, timeZone);
  const months = monthsBetween(from, to, timeZone);
  const monthIndex = (at: number) => months.findIndex((m) => at >= m.from && at < m.to);
  const bins = new Map<string, { month: number; rows: LedgerRow[] }>();
  for (const r of rows) {
    const month = monthIndex(r.receivedAt);
    if (month < 0) continue;
    const key = `${month} ${r.source}`;
    const bin = bins.get(key);
    if (bin) bin.rows.push(r);
    else bins.set(key, { month, rows: [r] });
  }
  const kept: LedgerRow[] = [];
  const keptByMonth = months.map((): LedgerRow[] => []);
  for (const bin of bins.values()) {
    if (new Set(bin.rows.map((r) => r.memberId)).size < k) continue;
    kept.push(...bin.rows);
    keptByMonth[bin.month]!.push(...bin.rows);
  }
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
    timeZone,
    k,
    total: shown(kept),
    byMonth: months.map((m, i) => ({ month: m.key, cell: shown(keptByMonth[i]!) })),
    bySource: IMPACT_SOURCES.map((source) => ({ source, cell: shown(kept.filter((r) => r.source === source)) })),
    outcomes: [...outcomes.values()].sort(
      (a, b) => a.noteId.localeCompare(b.noteId) || a.outcome.localeCompare(b.outcome),
    ),
  };
}
