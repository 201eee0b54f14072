import type { CommonplaceDb, ThankRow } from './schema';

/**
 * The thanks table's one module: a thank is a set element keyed `${noteId}:${memberId}` (never a counter), so
 * thanking twice changes nothing. Queuing a thank for sync is lib/sync/thanks.ts's part, in its transaction.
 */
export function thanksRepository(db: CommonplaceDb) {
  return {
    get: (id: string) => db.thanks.get(id),
    put: (row: ThankRow) => db.thanks.put(row),
    delete: (id: string) => db.thanks.delete(id),
    /** The thanks of any of these notes. */
    ofNotes: (noteIds: readonly string[]) => db.thanks.where('noteId').anyOf(noteIds).toArray(),
    ofCommunity: (communityId: string) => db.thanks.where('communityId').equals(communityId).toArray(),
    /** Forgets a community's thanks (leaving it); returns how many went. */
    deleteCommunity: (communityId: string) => db.thanks.where('communityId').equals(communityId).delete(),
  };
}
