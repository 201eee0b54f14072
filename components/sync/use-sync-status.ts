import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { pendingCount, setAsideFor, type PendingRow } from '@/lib/db/outbox';
import { syncState, type Membership } from '@/lib/db/sync-state';

/** A change the endpoint refused or kept failing on: kept here, shown with its reason, until the user retries. */
export interface SetAsideView {
  seq: number;
  op: string;
  /** What the change is about, in the user's words (its takeaway or quote), or the note id. */
  label: string;
  reason: string;
}

function setAsideView(r: PendingRow): SetAsideView {
  const { change, setAside } = r.mutation;
  const note = 'note' in change ? change.note : undefined;
  const words = (note?.takeaway || note?.quote || change.noteId).replace(/\s+/g, ' ');
  return { seq: r.seq, op: change.op, label: words.slice(0, 80), reason: setAside?.reason ?? '' };
}

/** One community's sync state, as the popup shows it (no token: pages never need to display it). */
export interface CommunitySyncView {
  communityId: string;
  /** This browser's member id in the community (its notes are "own"). */
  memberId: string;
  communityName: string;
  isEnabled: boolean;
  pending: number;
  setAside: SetAsideView[];
  lastSyncAt: number | null;
  lastError: string | null;
  notBefore: number;
}

function view(m: Membership, pending: number, setAside: SetAsideView[]): CommunitySyncView {
  const { communityId, memberId, communityName, isEnabled, lastSyncAt, lastError, notBefore } = m;
  return { communityId, memberId, communityName, isEnabled, pending, setAside, lastSyncAt, lastError, notBefore };
}

/** Live sync state from IndexedDB: updates as the background syncs (Dexie broadcasts writes across contexts). */
export function useSyncStatus(): CommunitySyncView[] | undefined {
  return useLiveQuery(async () => {
    const members = await syncState(db).memberships();
    return Promise.all(
      members.map(async (m) =>
        view(m, await pendingCount(db, m.communityId), (await setAsideFor(db, m.communityId)).map(setAsideView)),
      ),
    );
  }, []);
}
