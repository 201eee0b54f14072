import { useCallback } from 'react';
import { LedgerPanel, type LedgerLoad } from '@/components/impact/LedgerPanel';
import { db } from '@/lib/db';
import { impactLedger } from '@/lib/sync/impact';
import { describeCallError } from '@/lib/sync/transport';

const ledger = impactLedger(db, (url, init) => fetch(url, init));

/** This UTC quarter, as the endpoint counts months: [first day, first day of the next quarter). */
function thisQuarter(now: number): { from: string; to: string } {
  const d = new Date(now);
  const q = Math.floor(d.getUTCMonth() / 3) * 3;
  return {
    from: new Date(Date.UTC(d.getUTCFullYear(), q, 1)).toISOString(),
    to: new Date(Date.UTC(d.getUTCFullYear(), q + 3, 1)).toISOString(),
  };
}

/** The facilitator's view of one community's impact ledger (hidden for members: the endpoint answers 403). */
export function Ledger({ communityId, communityName }: { communityId: string; communityName: string }) {
  const load = useCallback(async (): Promise<LedgerLoad> => {
    const { from, to } = thisQuarter(Date.now());
    const r = await ledger.summary(communityId, from, to, Date.now());
    if (r.ok) return { kind: 'summary', summary: r.value };
    if (r.error.status === 403) return { kind: 'forbidden' };
    return { kind: 'problem', message: describeCallError(r.error) };
  }, [communityId]);
  return <LedgerPanel communityName={communityName} load={load} />;
}
