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
     * Each thanked note's thanks, by key, from the store's keys alone (`${noteId}:${memberId}`; a note id is a
     * 36-character UUID, so its first ':' ends it): how many each note has, and the keys to get the rows of a
     * few by (one getMany, not a cursor over the noteId index). The archive's most-thanked pick on a cold new tab
     * read every row before: 330-990 ms at 50k notes under load (issue 19). A key of another shape (a row written
     * around this module) makes it read the rows themselves.
     */
    async keysPerNote(): Promise<Map<string, string[]>> {
      const keys = new Map<string, string[]>();
      for (const key of await db.thanks.toCollection().primaryKeys()) {
        const at = key.indexOf(':');
        if (at !== 36) return keysFromRows(db);
        add(keys, key.slice(0, at), key);
      }
      return keys;
    },
    /** Forgets a community's thanks (leaving it); returns how many went. */
    deleteCommunity: (communityId: string) => db.thanks.where('communityId').equals(communityId).delete(),
  };
}

async function keysFromRows(db: CommonplaceDb): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  for (const { id, noteId } of await db.thanks.toArray()) add(keys, noteId, id);
  return keys;
}

function add(keys: Map<string, string[]>, noteId: string, key: string) {
  const list = keys.get(noteId);
  if (list) list.push(key);
  else keys.set(noteId, [key]);
}
