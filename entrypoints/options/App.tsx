import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { SyncStatus } from '@/components/sync/SyncStatus';
import { useSyncStatus } from '@/components/sync/use-sync-status';
import { db } from '@/lib/db';
import { syncState } from '@/lib/db/sync-state';
import { CommunityList } from './CommunityList';
import { JoinForm } from './JoinForm';
import { Knowledge } from './Knowledge';
import { account, syncNow } from './account';

/** Options: join communities, choose which to sync, your display name, leave, sign out. */
export function App() {
  const id = useId();
  const settings = useLiveQuery(() => syncState(db).readSettings(), []);
  const communities = useSyncStatus();
  const [name, setName] = useState<string | null>(null);
  const [note, setNote] = useState<{ isError: boolean; text: string } | null>(null);
  const [isConfirmingSignOut, setConfirmingSignOut] = useState(false);
  if (!settings || !communities) return <p className="pad">Loading…</p>;

  const saveName = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await account.setDisplayName(name ?? settings.displayName);
    setNote(res.ok ? { isError: false, text: 'Display name saved.' } : { isError: true, text: res.error });
  };
  const signOut = async () => {
    await account.signOut();
    setConfirmingSignOut(false);
    setNote({ isError: false, text: 'Signed out: this browser holds no community credentials or notes now.' });
  };

  return (
    <main className="pad" style={{ maxWidth: 720 }}>
      <h1>Communities and sync</h1>
      <SyncStatus communities={communities} isOnline={navigator.onLine} onSyncNow={syncNow} />
      <section aria-labelledby={`${id}-c`}>
        <h2 id={`${id}-c`}>Your communities</h2>
        <CommunityList communities={communities} />
      </section>
      <JoinForm endpoint={settings.endpoint} displayName={settings.displayName} />
      {communities.length > 0 && (
        <form onSubmit={saveName} className="card" aria-labelledby={`${id}-n`}>
          <h2 id={`${id}-n`}>Your name</h2>
          <label htmlFor={`${id}-name`}>Display name shown to members</label>{' '}
          <input
            id={`${id}-name`}
            value={name ?? settings.displayName}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
          />{' '}
          <button type="submit">Save</button>
        </form>
      )}
      {note && (
        <p role={note.isError ? 'alert' : 'status'} className={note.isError ? 'error' : 'muted'}>
          {note.text}
        </p>
      )}
      {communities.length > 0 && (
        <section aria-labelledby={`${id}-s`}>
          <h2 id={`${id}-s`}>Sign out</h2>
          <p className="muted">
            Revokes this browser’s access and removes community notes from it. Your personal notes stay.
          </p>
          {isConfirmingSignOut ? (
            <span role="group" aria-label="Confirm signing out">
              <button type="button" className="danger" onClick={signOut} autoFocus>
                Sign out of every community
              </button>{' '}
              <button type="button" onClick={() => setConfirmingSignOut(false)}>
                Cancel
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirmingSignOut(true)}>
              Sign out…
            </button>
          )}
        </section>
      )}
      <Knowledge />
    </main>
  );
}
