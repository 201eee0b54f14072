import { isSameTimeZone } from '../model/time-zone';
import { ledgerParts } from './breakdown';
import { cell, type Cell } from './cell';
import type { ReportQuarter } from './quarter';
import type { ImpactReport, TimeSaved } from './report-types';
import type { LedgerCell, LedgerSummary } from './types';

/**
 * The ledger's cells as the report shows them. The endpoint already withholds cells below its `k`; a cell it sent
 * with fewer members than the report's `k` (a stricter report, or a misbehaving endpoint) is hidden here too.
 * The ledger's months are the same calendar months as the report's (asked for with `ledgerQuery`), cut in the
 * community's zone: when that is not the report's zone, the report says so in words (document.ts).
 */
export function timeSavedFigures(
  summary: LedgerSummary | null,
  problem: string | undefined,
  communityId: string,
  period: ReportQuarter,
  k: number,
): ImpactReport['timeSaved'] {
  if (!summary) return { isAvailable: false, reason: problem ?? 'The community endpoint gave no ledger summary.' };
  if (summary.communityId !== communityId) {
    return { isAvailable: false, reason: 'The endpoint answered with another community’s ledger.' };
  }
  const byKey = new Map(summary.byMonth.map((m) => [m.month.slice(0, 7), m.cell]));
  const total = toCell(summary.total, k);
  const months = ledgerParts(
    period.months.map((m) => toCell(byKey.get(m.key) ?? null, k)),
    total !== null,
  );
  const sources = ledgerParts(
    summary.bySource.map((s) => toCell(s.cell, k)),
    total !== null,
  );
  return {
    isAvailable: true,
    timeZone: summary.timeZone,
    isSameZone: isSameTimeZone(summary.timeZone, period.timeZone),
    total,
    byMonth: period.months.map((m, i) => ({ label: m.label, cell: months[i] ?? null })),
    bySource: summary.bySource.map((s, i) => ({ source: s.source, cell: sources[i] ?? null })),
  };
}

function toCell(c: LedgerCell | null, k: number): Cell<TimeSaved> {
  if (!c) return null;
  const { entries, minutesSaved, medianMinutes, wins, stories } = c;
  return cell(c.members, k, { entries, minutesSaved, medianMinutes, wins, stories });
}
