import { db } from '@/lib/db';
import { reportCommunities, reportInput } from '@/lib/db/impact-report';
import { impactReport, ledgerQuery, quarterOf, type ImpactReport } from '@/lib/impact';
import { fetchLedgerSummary } from '@/lib/sync/impact-summary';

export type Loaded = { kind: 'report'; report: ImpactReport } | { kind: 'none'; message: string };

/**
 * The report of the asked community (or the first this browser facilitates): the ledger's summary from its
 * endpoint, everything else from this browser's copy. A summary the endpoint refused is said in the report.
 */
export async function loadReport(communityId: string | null, now: number, timeZone: string): Promise<Loaded> {
  const mine = await reportCommunities(db);
  const m = communityId ? mine.find((c) => c.communityId === communityId) : mine[0];
  if (!m) {
    return {
      kind: 'none',
      message: communityId
        ? 'Only a facilitator or an admin of this community can read its impact report.'
        : 'The impact report is for facilitators: you facilitate no community in this browser.',
    };
  }
  // The same calendar months, cut by the endpoint in the community's zone (the report says so when it differs).
  const { from, to } = ledgerQuery(quarterOf(now, timeZone));
  const summary = await fetchLedgerSummary(m, from, to, (url, init) => fetch(url, init), now);
  return { kind: 'report', report: impactReport(await reportInput(db, m, summary, now, timeZone)) };
}
