import type { Membership } from '../db/sync-state';
import { LedgerSummarySchema } from '../impact/schema';
import type { LedgerSummary } from '../impact/types';
import { call, describeCallError, type Fetcher } from './transport';

/**
 * The ledger's aggregates for a period, from the community's endpoint (facilitators and admins only; the endpoint
 * enforces it and hides every cell below its k). A refusal or an outage comes back as words for the report.
 */
export async function fetchLedgerSummary(
  m: Pick<Membership, 'endpoint' | 'token'>,
  from: number,
  to: number,
  fetcher: Fetcher,
  now: number,
): Promise<{ value: LedgerSummary } | { problem: string }> {
  const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const res = await call(
    fetcher,
    m.endpoint,
    (api) => api.v1.community.impact.summary.$get({ query }),
    LedgerSummarySchema,
    { token: m.token, now },
  );
  if (res.ok) return { value: res.value };
  if (res.error.status === 404)
    return { problem: 'this community’s endpoint has no impact ledger yet (it needs an update).' };
  return { problem: `${describeCallError(res.error)}.` };
}
