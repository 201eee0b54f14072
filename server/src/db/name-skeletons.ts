import { displayNameSkeleton } from '../display-name-skeleton';
import type { Database, Queryable } from './database';

/**
 * Gives every member without one their display name's skeleton (migration 009 adds the column; SQL cannot compute
 * UTS #39). Oldest first, per community: a later active member whose name looks like an earlier one's is renamed
 * "name (2)", "name (3)"... (as migration 004 did for duplicates), so the unique index holds and nobody is lost.
 */
export async function backfillNameSkeletons(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; community_id: string; display_name: string; is_active: boolean }>(
      `SELECT id, community_id, display_name, removed_at IS NULL AS is_active FROM members
        WHERE display_name_skeleton IS NULL ORDER BY joined_at, id FOR UPDATE`,
    );
    for (const m of rows) {
      let name = m.display_name;
      for (let n = 2; m.is_active && (await isLookAlikeTaken(tx, m, displayNameSkeleton(name))); n++) {
        name = `${m.display_name} (${n})`;
      }
      await tx.query('UPDATE members SET display_name = $2, display_name_skeleton = $3 WHERE id = $1', [
        m.id,
        name,
        displayNameSkeleton(name),
      ]);
    }
    return rows.length;
  });
}

async function isLookAlikeTaken(
  tx: Queryable,
  m: { id: string; community_id: string },
  skeleton: string,
): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM members WHERE community_id = $1 AND id <> $2 AND removed_at IS NULL AND display_name_skeleton = $3`,
    [m.community_id, m.id, skeleton],
  );
  return rows.length > 0;
}
