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
    /**
     * How many thanks each note has, from the store's keys alone (`${noteId}:${memberId}`; a note id is a
     * 36-character UUID, so its first ':' ends it). The archive's most-thanked pick on a cold new tab read every
     * row before: 330-990 ms at 50k notes under load (issue 19). A key of another shape (a row written around
     * this module) makes it count the rows themselves.
     */
    async perNote(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      for (const key of await db.thanks.toCollection().primaryKeys()) {
        const at = key.indexOf(':');
        if (at !== 36) return countRows(db);
        const noteId = key.slice(0, at);
        counts.set(noteId, (counts.get(noteId) ?? 0) + 1);
      }
      return counts;
    },
    /** Forgets a community's thanks (leaving it); returns how many went. */
    deleteCommunity: (communityId: string) => db.thanks.where('communityId').equals(communityId).delete(),
  };
}

async function countRows(db: CommonplaceDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { noteId } of await db.thanks.toArray()) counts.set(noteId, (counts.get(noteId) ?? 0) + 1);
  return counts;
}
