import { useEffect, useState } from 'react';
import { LadderEditor } from '@/components/questions/LadderEditor';
import { formatAgo } from '@/components/sync/SyncStatus';
import { SetAsideList } from '@/components/sync/SetAsideList';
import { useNow } from '@/components/sync/use-now';
import type { CommunitySyncView } from '@/components/sync/use-sync-status';
import { readLadders, saveLadder } from '@/lib/db/question-settings';
import type { Ladders } from '@/lib/questions';
import { account, syncNow } from './account';
import { Expertise } from './Expertise';
import { ReportConsent } from './ReportConsent';
import { Ledger } from './Ledger';
import { LedgerSettings } from './LedgerSettings';
import { ImpactReportLink } from './ImpactReportLink';
import { Moderation } from './Moderation';
import { PulsePolls } from './PulsePolls';
import { RitualWebhook } from './RitualWebhook';
import { WeeklySummary } from './WeeklySummary';

/** Joined communities: sync on/off, state, and leaving (two steps: leaving removes its notes here). */
export function CommunityList({ communities }: { communities: CommunitySyncView[] }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();
  const [ladders, setLadders] = useState<Ladders | null>(null);
  useEffect(() => void readLadders().then(setLadders, (e: unknown) => setError(String(e))), []);
  if (communities.length === 0) return <p className="muted">You have not joined a community yet.</p>;
  const leave = async (c: CommunitySyncView) => {
    const res = await account.leave(c.communityId);
    setConfirming(null);
    setError(res.ok ? null : res.error);
  };
  return (
    <>
      <ul className="plain">
        {communities.map((c) => (
          <li key={c.communityId} className="card" aria-label={c.communityName}>
            <h3>{c.communityName}</h3>
            <label className="check">
              <input
                type="checkbox"
                checked={c.isEnabled}
                onChange={async (e) => {
                  await account.setEnabled(c.communityId, e.target.checked);
                  if (e.target.checked) await syncNow();
                }}
              />
              Sync this community
            </label>
            <p className="muted">
              Last sync {formatAgo(c.lastSyncAt, now)}
              {c.pending > 0 ? ` · ${c.pending} waiting` : ''}
              {c.lastError ? ` · ${c.lastError}` : ''}
            </p>
            {ladders && (
              <details>
                <summary>Unanswered questions: escalation</summary>
                <LadderEditor
                  communityName={c.communityName}
                  ladder={ladders[c.communityId]}
                  onSave={(l) => saveLadder(c.communityId, l)}
                />
              </details>
            )}
            <SetAsideList
              communityName={c.communityName}
              items={c.setAside}
              onRetry={async () => {
                await account.retrySetAside(c.communityId);
                await syncNow();
              }}
            />
            <Expertise
              communityId={c.communityId}
              communityName={c.communityName}
              memberId={c.memberId}
              isSyncing={c.isEnabled}
            />
            {/* Stored by the endpoint: shown while this browser talks to it (paused: nothing to switch). */}
            {c.isEnabled && (
              <ReportConsent communityId={c.communityId} communityName={c.communityName} isSyncing={c.isEnabled} />
            )}
            {c.isEnabled && <Ledger communityId={c.communityId} communityName={c.communityName} />}
            {c.isEnabled && <LedgerSettings communityId={c.communityId} communityName={c.communityName} />}
            {c.isEnabled && <WeeklySummary communityId={c.communityId} communityName={c.communityName} />}
            <ImpactReportLink communityId={c.communityId} communityName={c.communityName} />
            <Moderation communityId={c.communityId} communityName={c.communityName} />
            <RitualWebhook communityId={c.communityId} communityName={c.communityName} />
            <PulsePolls communityId={c.communityId} communityName={c.communityName} />
            {confirming === c.communityId ? (
              <span role="group" aria-label={`Confirm leaving ${c.communityName}`}>
                <span>Leave and remove its notes from this browser? </span>
                <button type="button" className="danger" onClick={() => leave(c)} autoFocus>
                  Leave {c.communityName}
                </button>{' '}
                <button type="button" onClick={() => setConfirming(null)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setConfirming(c.communityId)}>
                Leave…
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
