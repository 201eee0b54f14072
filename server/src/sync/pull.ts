import type { Change, PullQuery, PullResponse } from '../../../lib/sync/protocol';
import { newEpoch } from '../crypto';
import type { Database } from '../db/database';
import { ApiHttpError } from '../http/errors';
import type { AuthContext } from '../http/env';
import { decodeCursor, encodeCursor } from './cursor';

interface ChangeRow {
  id: string;
  author_id: string;
  author_name: string;
  version: number;
  hlc: string;
  body: Record<string, unknown> | null;
  deleted_at: number | null;
  thanked_by: string[];
}

/**
 * Changes after the cursor in version order. Versions are assigned under the community row lock and commit
 * in order (sync/push.ts), so reading `version > cursor` never skips a row that commits later.
 */
export async function pull(db: Database, key: Buffer, auth: AuthContext, query: PullQuery): Promise<PullResponse> {
  const from = query.cursor === undefined ? undefined : decodeCursor(key, query.cursor);
  if (query.cursor !== undefined && (!from || from.communityId !== auth.communityId)) {
    throw new ApiHttpError(400, 'invalid_cursor', 'Cursor not recognised: send back exactly what pull returned');
  }
  const { rows: communities } = await db.query<{ epoch: string; last_version: number }>(
    'SELECT epoch, last_version FROM communities WHERE id = $1',
    [auth.communityId],
  );
  let { epoch } = communities[0]!;
  let after = from?.version ?? 0;
  let isReset = false;
  if (from && from.epoch !== epoch) {
    [after, isReset] = [0, true];
  } else if (from && from.version > communities[0]!.last_version) {
    epoch = await startNewEpoch(db, auth.communityId, epoch);
    [after, isReset] = [0, true];
  }
  const { rows } = await db.query<ChangeRow>(
    `SELECT n.id, n.author_id, m.display_name AS author_name, n.version, n.hlc, n.body, n.deleted_at,
            COALESCE((SELECT array_agg(t.member_id::text ORDER BY t.member_id) FROM thanks t WHERE t.note_id = n.id),
                     '{}') AS thanked_by
       FROM notes n JOIN members m ON m.id = n.author_id
      WHERE n.community_id = $1 AND n.version > $2
      ORDER BY n.version
      LIMIT $3`,
    [auth.communityId, after, query.limit + 1],
  );
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1)?.version ?? after;
  return {
    epoch,
    isReset,
    changes: page.map((row) => toChange(row, auth.communityId)),
    cursor: encodeCursor(key, { communityId: auth.communityId, epoch, version: last }),
    hasMore,
  };
}

function toChange(row: ChangeRow, communityId: string): Change {
  if (row.body === null) {
    return {
      type: 'tombstone',
      version: row.version,
      noteId: row.id,
      authorId: row.author_id,
      deletedAt: row.deleted_at ?? 0,
    };
  }
  const note = {
    ...row.body,
    communityId,
    author: { id: row.author_id, name: row.author_name },
    sync: { version: row.version, hlc: row.hlc },
  } as Extract<Change, { type: 'note' }>['note'];
  return { type: 'note', version: row.version, note, thankedBy: row.thanked_by };
}

/**
 * A cursor ahead of the server means the server lost history (restored from a backup): name the new history
 * so every client resets and re-sends what was lost. Idempotent under races: only the first caller rotates.
 */
async function startNewEpoch(db: Database, communityId: string, seen: string): Promise<string> {
  await db.query('UPDATE communities SET epoch = $3 WHERE id = $1 AND epoch = $2', [communityId, seen, newEpoch()]);
  const { rows } = await db.query<{ epoch: string }>('SELECT epoch FROM communities WHERE id = $1', [communityId]);
  console.warn(`community ${communityId}: a client was ahead of the server (restored backup?): new epoch`);
  return rows[0]!.epoch;
}
