import { useMemo } from 'react';
import { ReportConsentSwitch, type ReportConsentActions } from '@/components/impact/ReportConsentSwitch';
import { db } from '@/lib/db';
import { impactLedger } from '@/lib/sync/impact';
import { describeCallError } from '@/lib/sync/transport';

const ledger = impactLedger(db, (url, init) => fetch(url, init));

/** "Name me in impact reports" for one joined community, wired to its endpoint. */
export function ReportConsent(props: { communityId: string; communityName: string; isSyncing: boolean }) {
  const { communityId } = props;
  const actions = useMemo<ReportConsentActions>(
    () => ({
      load: async () => {
        const r = await ledger.consent(communityId, Date.now());
        return r.ok ? { ok: true, value: r.value.isNamed } : { ok: false, error: describeCallError(r.error) };
      },
      set: async (isNamed) => {
        const r = await ledger.setConsent(communityId, isNamed, Date.now());
        return r.ok
          ? { ok: true, value: r.value.isNamed }
          : { ok: false, error: `Your setting was not changed: ${describeCallError(r.error)}` };
      },
    }),
    [communityId],
  );
  const paused = props.isSyncing
    ? undefined
    : 'Sync is paused for this community: turn on “Sync this community” to change this.';
  return <ReportConsentSwitch communityName={props.communityName} actions={actions} pausedReason={paused} />;
}
