import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { syncState, type Membership } from '@/lib/db/sync-state';

/** One community's sync state, as the popup shows it (no token: pages never need to display it). */
export interface CommunitySyncView {
  communityId: string;
  /** This browser's member id in the community (its notes are "own"). */
  memberId: string;
  communityName: string;
  isEnabled: boolean;
  pending: number;
  lastSyncAt: number | null;
  lastError: string | null;
  notBefore: number;
}

function view(m: Membership, pending: number): CommunitySyncView {
  const { communityId, memberId, communityName, isEnabled, lastSyncAt, lastError, notBefore } = m;
  return { communityId, memberId, communityName, isEnabled, pending, lastSyncAt, lastError, notBefore };
}

/** Live sync state from IndexedDB: updates as the background syncs (Dexie broadcasts writes across contexts). */
export function useSyncStatus(): CommunitySyncView[] | undefined {
  return useLiveQuery(async () => {
    const members = await syncState(db).memberships();
    return Promise.all(
      members.map(async (m) => view(m, await db.outbox.where('communityId').equals(m.communityId).count())),
    );
  }, []);
}
