import { useCallback } from 'react';
import { LedgerPanel, type LedgerLoad } from '@/components/impact/LedgerPanel';
import { db } from '@/lib/db';
import { ledgerQuery, quarterOf } from '@/lib/impact';
import { impactLedger } from '@/lib/sync/impact';
import { describeCallError } from '@/lib/sync/transport';

const ledger = impactLedger(db, (url, init) => fetch(url, init));

/** The facilitator's view of one community's impact ledger (hidden for members: the endpoint answers 403). */
export function Ledger({ communityId, communityName }: { communityId: string; communityName: string }) {
  const load = useCallback(async (): Promise<LedgerLoad> => {
    const now = Date.now();
    // This quarter's calendar months (in this browser's zone), as the endpoint cuts them in the community's zone.
    const { from, to } = ledgerQuery(quarterOf(now, Intl.DateTimeFormat().resolvedOptions().timeZone));
    const r = await ledger.summary(communityId, new Date(from).toISOString(), new Date(to).toISOString(), now);
    if (r.ok) return { kind: 'summary', summary: r.value };
    if (r.error.status === 403) return { kind: 'forbidden' };
    return { kind: 'problem', message: describeCallError(r.error) };
  }, [communityId]);
  return <LedgerPanel communityName={communityName} load={load} />;
}
