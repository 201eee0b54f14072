import type { PullQuery } from '../../../lib/sync/protocol';
import { newEpoch } from '../crypto';
import type { Database } from '../db/database';
import { ApiHttpError } from '../http/errors';
import type { AuthContext } from '../http/env';
import { decodeCursor, encodeCursor } from './cursor';

/**
 * Each change is built as JSON text by PostgreSQL (same SQL on PGlite and a real server), so the app process
 * never parses and re-serialises note bodies: the pull page is concatenated from these strings.
 */
const CHANGE_SQL = `
  SELECT n.version,
    CASE WHEN n.body IS NULL THEN
      jsonb_build_object('type', 'tombstone', 'version', n.version, 'noteId', n.id, 'authorId', n.author_id,
                         'deletedAt', COALESCE(n.deleted_at, 0))::text
    ELSE
      jsonb_build_object(
        'type', 'note', 'version', n.version,
        'note', n.body || jsonb_build_object(
          'communityId', n.community_id,
          'author', jsonb_build_object('id', n.author_id, 'name', m.display_name),
          'sync', jsonb_build_object('version', n.version, 'hlc', n.hlc)),
        'thankedBy', COALESCE(
          (SELECT jsonb_agg(t.member_id ORDER BY t.member_id) FROM thanks t WHERE t.note_id = n.id), '[]'::jsonb)
      )::text
    END AS change
  FROM notes n JOIN members m ON m.id = n.author_id
  WHERE n.community_id = $1 AND n.version > $2
  ORDER BY n.version
  LIMIT $3`;

/**
 * Changes after the cursor in version order. Versions are assigned under the community row lock and commit
 * in order (sync/push.ts), so reading `version > cursor` never skips a row that commits later.
 */
/** Returns the PullResponse as JSON text (see CHANGE_SQL). */
export async function pull(db: Database, key: Buffer, auth: AuthContext, query: PullQuery): Promise<string> {
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
  // A client at the head (the common poll) needs no notes query: last_version moves in the writing transaction.
  const isAtHead = after >= communities[0]!.last_version;
  const { rows } = isAtHead
    ? { rows: [] }
    : await db.query<{ version: number; change: string }>(CHANGE_SQL, [auth.communityId, after, query.limit + 1]);
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1)?.version ?? after;
  const cursor = encodeCursor(key, { communityId: auth.communityId, epoch, version: last });
  const head = JSON.stringify({ epoch, isReset, cursor, hasMore }).slice(0, -1);
  return `${head},"changes":[${page.map((r) => r.change).join(',')}]}`;
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
