import { useState } from 'react';
import { useNow } from './use-now';
import type { CommunitySyncView } from './use-sync-status';

interface Props {
  communities: CommunitySyncView[];
  isOnline: boolean;
  /** Asks the background to sync now; resolves when it has tried. */
  onSyncNow(): Promise<void>;
}

/** "3 min ago": last sync times people can read at a glance. */
export function formatAgo(at: number | null, now: number): string {
  if (at === null) return 'never';
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 45) return 'just now';
  if (s < 90 * 60) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}

/**
 * The popup's sync line: pending changes, last sync, offline or the error with its reason, and "Sync now".
 * Status changes are announced politely to screen readers.
 */
export function SyncStatus({ communities, isOnline, onSyncNow }: Props) {
  const [isSyncing, setSyncing] = useState(false);
  const now = useNow();
  if (communities.length === 0) return null;
  const pending = communities.reduce((sum, c) => sum + c.pending, 0);
  const setAside = communities.reduce((sum, c) => sum + c.setAside.length, 0);
  const last = Math.max(...communities.map((c) => c.lastSyncAt ?? 0));
  const failing = communities.filter((c) => c.isEnabled && c.lastError);
  const syncNow = async () => {
    setSyncing(true);
    try {
      await onSyncNow();
    } finally {
      setSyncing(false);
    }
  };
  return (
    <section className="row sync-status" aria-label="Community sync">
      <p role="status" aria-live="polite" style={{ margin: 0, flex: 1 }}>
        {!isOnline ? (
          <span>Offline — changes are kept and sent when you are back.</span>
        ) : failing.length ? (
          <span className="error">{failing.map((c) => `${c.communityName}: ${c.lastError}`).join(' · ')}</span>
        ) : (
          <span className="muted">Synced {formatAgo(last || null, now)}</span>
        )}
        {pending > 0 && (
          <span className="muted">
            {' '}
            · {pending} change{pending === 1 ? '' : 's'} waiting
          </span>
        )}
        {setAside > 0 && <span className="error"> · {setAside} set aside, not shared (see Options)</span>}
      </p>
      <button type="button" onClick={syncNow} disabled={isSyncing || !isOnline} aria-busy={isSyncing}>
        {isSyncing ? 'Syncing…' : 'Sync now'}
      </button>
    </section>
  );
}
