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

/**
 * Options, in four groups: communities (which to sync, join, leave, sign out), your name, knowledge (collections
 * and wiki pages) and import/export.
 */
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
    <main className="options">
      <header className="page-header">
        <h1>Commonplace settings</h1>
        <SyncStatus communities={communities} isOnline={navigator.onLine} onSyncNow={syncNow} />
      </header>
      {note && (
        <p role={note.isError ? 'alert' : 'status'} className={note.isError ? 'error' : 'muted'}>
          {note.text}
        </p>
      )}
      <section aria-labelledby={`${id}-c`} className="group">
        <h2 id={`${id}-c`}>Communities</h2>
        <CommunityList communities={communities} />
        <JoinForm endpoint={settings.endpoint} displayName={settings.displayName} />
        {communities.length > 0 && (
          <div className="card">
            <h3 id={`${id}-s`}>Sign out</h3>
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
          </div>
        )}
      </section>
      <section aria-labelledby={`${id}-n`} className="group">
        <h2 id={`${id}-n`}>Your name</h2>
        {communities.length > 0 ? (
          <form onSubmit={saveName} className="row">
            <label htmlFor={`${id}-name`} className="grow">
              Display name shown to members
              <input
                id={`${id}-name`}
                value={name ?? settings.displayName}
                onChange={(e) => setName(e.target.value)}
                maxLength={80}
              />
            </label>
            <button type="submit">Save</button>
          </form>
        ) : (
          <p className="muted">Members see the name you give when you join a community; change it here afterwards.</p>
        )}
      </section>
      <Knowledge />
    </main>
  );
}
