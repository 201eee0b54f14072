import type { PullQuery } from '../../../lib/sync/protocol';
import { newEpoch } from '../crypto';
import type { Database } from '../db/database';
import { ApiHttpError } from '../http/errors';
import type { AuthContext } from '../http/env';
import { generationAt, generationOf } from './batches';
import { decodeCursor, encodeCursor, type CursorState } from './cursor';
import type { AckRecorder } from './acks';
import type { HeadCache } from './head-cache';

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
      (jsonb_build_object(
        'type', 'note', 'version', n.version,
        'note', n.body || jsonb_build_object(
          'communityId', n.community_id,
          'author', jsonb_build_object('id', n.author_id, 'name', m.display_name),
          'sync', jsonb_build_object('version', n.version, 'hlc', n.hlc)),
        'thankedBy', COALESCE(
          (SELECT jsonb_agg(t.member_id ORDER BY t.member_id) FROM thanks t WHERE t.community_id = n.community_id AND t.note_id = n.id), '[]'::jsonb)
      ) || COALESCE(
        (SELECT jsonb_build_object('questionEvents', jsonb_agg(e.body || jsonb_build_object(
            'id', e.id, 'type', e.type, 'at', e.at, 'questionId', e.note_id, 'by', e.member_id, 'byRole', e.by_role)
          ORDER BY e.at, e.id))
          FROM question_events e WHERE e.community_id = n.community_id AND e.note_id = n.id HAVING count(*) > 0), '{}'::jsonb)
      )::text
    END AS change
  FROM notes n JOIN members m ON m.id = n.author_id
  WHERE n.community_id = $1 AND n.version > $2 AND n.version <= $3
  UNION ALL
  -- In the same snapshot as the page: compaction moved the fence past the cursor (and past the fence the cursor
  -- was made at) since the head was read, so tombstones of this range may be missing from the page
  -- (sync/compact.ts commits the fence first).
  SELECT -1, NULL FROM communities WHERE id = $1 AND $2 > 0 AND compacted_through > greatest($2, $4)
  ORDER BY 1`;

/** The next candidates' versions and sizes, to cut a page by rows and bytes before any change is built. */
const SIZES_SQL = `SELECT version, body_bytes AS bytes FROM notes WHERE community_id = $1 AND version > $2
  ORDER BY version LIMIT $3`;

/** SQL for the token of the push batch that took version `v` in community $1; '' before any batch. */
const tokenAt = (v: string) => `COALESCE((SELECT b.token FROM version_batches b
  WHERE b.community_id = $1 AND b.last_version >= ${v} ORDER BY b.last_version LIMIT 1), '')`;
const TOKEN_AT = tokenAt('$2');

/**
 * Changes after the cursor in version order. Versions are assigned under the community row lock and commit
 * in order (sync/push.ts), so reading `version > cursor` never skips a row that commits later.
 * Returns the PullResponse as JSON text (see CHANGE_SQL).
 */
export async function pull(
  db: Database,
  key: Buffer,
  auth: AuthContext,
  query: PullQuery,
  pageBytes: number,
  heads?: HeadCache,
  acks?: AckRecorder,
): Promise<string> {
  const from = query.cursor === undefined ? undefined : decodeCursor(key, query.cursor);
  if (query.cursor !== undefined && (!from || from.communityId !== auth.communityId)) {
    throw new ApiHttpError(400, 'invalid_cursor', 'Cursor not recognised: send back exactly what pull returned');
  }
  // The common poll: already at the head this process knows (sync/head-cache.ts). No query of its own.
  const known = await heads?.current(auth.communityId);
  if (from && known && from.epoch === known.epoch && from.version === known.version && from.token === known.token) {
    await acks?.record(auth.memberId, from.version);
    return `${JSON.stringify({ epoch: known.epoch, isReset: false, cursor: query.cursor, hasMore: false }).slice(0, -1)},"changes":[]}`;
  }
  const stamp = heads?.stamp() ?? 0;
  const { rows: communities } = await db.query<{
    epoch: string;
    last_version: number;
    compacted_through: number;
    token: string;
    generation: string;
    head_token: string;
  }>(
    `SELECT c.epoch, c.last_version, c.compacted_through, ${TOKEN_AT} AS token, ${generationAt('$2')} AS generation,
            ${tokenAt('c.last_version')} AS head_token
       FROM communities c WHERE c.id = $1`,
    [auth.communityId, from?.version ?? 0],
  );
  const { last_version: head, head_token: headToken } = communities[0]!;
  const fence = Number(communities[0]!.compacted_through);
  let { epoch } = communities[0]!;
  let [after, token, isReset] = [from?.version ?? 0, from?.token ?? '', false];
  if (from && from.epoch !== epoch) {
    [after, token, isReset] = [0, '', true];
  } else if (from && from.version > 0 && isLostHistory(from, { ...communities[0]!, head: Number(head), fence })) {
    // Before the fence: a cursor from a lost history says the server lost writes of this client, which only the
    // restore reset sends back (a compacted reset would drop them). Below the fence its batch may be pruned, and
    // its generation tells (sync/batches.ts).
    epoch = await startNewEpoch(db, auth.communityId, epoch);
    heads?.invalidate(auth.communityId);
    [after, token, isReset] = [0, '', true];
  } else if (from && from.version < fence && from.fence < fence) {
    // Compacted since this cursor was made. One made below the fence at this fence (a pull from scratch, page by
    // page) missed nothing: tombstones below a fence are gone before its pull began, with the notes they deleted.
    throw tooOld();
  }
  // A client at the head (the common poll) needs no notes query: last_version moves in the writing transaction.
  const { rows: sizes } =
    after >= head
      ? { rows: [] }
      : await db.query<{ version: number; bytes: number }>(SIZES_SQL, [auth.communityId, after, query.limit + 1]);
  const upTo = pageEnd(sizes, query.limit, pageBytes);
  const hasMore = upTo < sizes.length;
  const { rows: page } = upTo
    ? await db.query<{ version: number; change: string }>(CHANGE_SQL, [
        auth.communityId,
        after,
        sizes[upTo - 1]!.version,
        isReset ? 0 : (from?.fence ?? 0),
      ])
    : { rows: [] };
  if (Number(page[0]?.version) === -1) throw tooOld();
  if (from && !isReset) await acks?.record(auth.memberId, from.version);
  // The last page ends at the head: the versions between its last row and the head were vacated (edits move a
  // note to a new version) or compacted, and no later row can take one. A cursor left below them could sit
  // below the fence for ever (a reset that never ends).
  const read = Number(page.at(-1)?.version ?? after);
  const last = hasMore ? read : Math.max(read, Number(head));
  if (last === head) token = headToken;
  else if (last !== after) {
    // Below the fence the batch may be pruned: such a cursor proves its history by its generation alone.
    const { rows: t } = await db.query<{ token: string }>(
      `SELECT CASE WHEN $2 >= $3::bigint THEN ${TOKEN_AT} ELSE ${generationAt('$2')} || '.' END AS token`,
      [auth.communityId, last, fence],
    );
    token = t[0]!.token;
  }
  if (last === head && !isReset) heads?.set(auth.communityId, { epoch, version: head, token }, stamp);
  const cursor = encodeCursor(key, { communityId: auth.communityId, epoch, version: last, token, fence });
  const prefix = JSON.stringify({ epoch, isReset, cursor, hasMore }).slice(0, -1);
  return `${prefix},"changes":[${page.map((r) => r.change).join(',')}]}`;
}

/**
 * The cursor names a history this server does not hold: it is ahead of the head, or names another batch than the
 * one kept at its version, or (below the fence, where batches are pruned) another generation than its version's.
 */
function isLostHistory(
  from: CursorState,
  here: { head: number; fence: number; token: string; generation: string },
): boolean {
  if (from.version > here.head) return true;
  return from.version >= here.fence ? from.token !== here.token : generationOf(from.token) !== here.generation;
}

const tooOld = () =>
  new ApiHttpError(
    410,
    'cursor_too_old',
    'Deleted notes older than this cursor were compacted: pull again without a cursor and drop the notes it does not bring',
  );

/**
 * How many of the candidates make the page: at most `limit` rows and `pageBytes` bytes, but always the first
 * (a note larger than a page travels alone), so one member's large notes never stop a pull.
 */
export function pageEnd(sizes: { bytes: number }[], limit: number, pageBytes: number): number {
  let [n, total] = [0, 0];
  while (n < sizes.length && n < limit && (n === 0 || total + sizes[n]!.bytes <= pageBytes)) total += sizes[n++]!.bytes;
  return n;
}

/**
 * The client saw a history this server does not hold (restored from a backup: its cursor is ahead, or names a
 * push batch the server never had): name the new history so every client resets and re-sends what was lost.
 * Idempotent under races: only the first caller rotates.
 */
async function startNewEpoch(db: Database, communityId: string, seen: string): Promise<string> {
  await db.query('UPDATE communities SET epoch = $3 WHERE id = $1 AND epoch = $2', [communityId, seen, newEpoch()]);
  const { rows } = await db.query<{ epoch: string }>('SELECT epoch FROM communities WHERE id = $1', [communityId]);
  console.warn(`community ${communityId}: a client saw a history this server lacks (restored backup?): new epoch`);
  return rows[0]!.epoch;
}
