import type { Database } from '../db/database';
import { lockHead, recordBatch, type WrittenBatches } from './batches';

/**
 * Moderation: turns live notes of a community into tombstones, as their author's delete would (content gone
 * from the server, new versions so every member's next pull removes them, thanks dropped). Under the same
 * community row lock as a push, so versions still commit in order. `authorId` takes all of one member's notes
 * (removed members included: their notes must not outlive them against the community's will); `noteId` one.
 */
export async function tombstoneNotes(
  db: Database,
  communityId: string,
  which: { noteId: string } | { authorId: string },
  at: number,
  written: WrittenBatches,
): Promise<string[]> {
  const done = await db.transaction(async (tx) => {
    const head = await lockHead(tx, communityId, written);
    const [column, value] = 'noteId' in which ? ['id', which.noteId] : ['author_id', which.authorId];
    // New versions go past the head in the notes' old order; the unique (community, version) index never sees a clash.
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE notes n SET body = NULL, body_bytes = 0, deleted_at = $4, version = $3 + s.rank
         FROM (SELECT id, row_number() OVER (ORDER BY version) AS rank FROM notes
                WHERE community_id = $1 AND ${column} = $2 AND body IS NOT NULL) s
        WHERE n.community_id = $1 AND n.id = s.id RETURNING n.id`,
      [communityId, value, head.lastVersion, at],
    );
    if (!rows.length) return { ids: [] };
    const ids = rows.map((r) => r.id);
    await tx.query('DELETE FROM thanks WHERE community_id = $1 AND note_id = ANY($2::uuid[])', [communityId, ids]);
    return { ids, batch: await recordBatch(tx, communityId, head, head.lastVersion + ids.length) };
  });
  written.remember(communityId, done.batch);
  return done.ids;
}
