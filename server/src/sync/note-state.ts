import type { Queryable } from '../db/database';

/** A note as push sees it while applying a batch: loaded once, changed in memory, written once. */
export interface NoteState {
  id: string;
  communityId: string;
  authorId: string;
  version: number;
  hlc: string;
  hlcClient: string;
  body: Record<string, unknown> | null;
  deletedAt: number | null;
  /** The body's size as stored (noteBytes; 0 for a tombstone): what quotas and pull pages count. */
  bodyBytes: number;
  isDirty: boolean;
}

/**
 * The batch's notes in the caller's community (a note is (community, id): another community's id is just
 * unknown here) and which of them the caller has thanked.
 */
export async function loadNotes(
  tx: Queryable,
  communityId: string,
  memberId: string,
  ids: string[],
): Promise<{ notes: Map<string, NoteState>; thanked: Set<string> }> {
  const { rows } = await tx.query<Omit<NoteState, 'isDirty'>>(
    `SELECT id, community_id AS "communityId", author_id AS "authorId", version, hlc, hlc_client AS "hlcClient",
            body, deleted_at AS "deletedAt", body_bytes AS "bodyBytes"
       FROM notes WHERE community_id = $1 AND id = ANY($2::uuid[])
     UNION ALL
     -- A compacted tombstone (sync/compact.ts) is still a deleted note here: deletes are final.
     SELECT id, community_id, author_id, 0, '', '', NULL, 0, 0
       FROM compacted_notes WHERE community_id = $1 AND id = ANY($2::uuid[])`,
    [communityId, ids],
  );
  const { rows: thanks } = await tx.query<{ note_id: string }>(
    'SELECT note_id FROM thanks WHERE community_id = $1 AND member_id = $2 AND note_id = ANY($3::uuid[])',
    [communityId, memberId, ids],
  );
  return {
    notes: new Map(rows.map((r) => [r.id, { ...r, isDirty: false }])),
    thanked: new Set(thanks.map((t) => t.note_id)),
  };
}

/** Writes every changed note in one statement (new and updated alike). */
export async function saveNotes(tx: Queryable, notes: Iterable<NoteState>): Promise<void> {
  const dirty = [...notes]
    .filter((n) => n.isDirty)
    .map((n) => ({
      id: n.id,
      community_id: n.communityId,
      author_id: n.authorId,
      version: n.version,
      hlc: n.hlc,
      hlc_client: n.hlcClient,
      body: n.body,
      deleted_at: n.deletedAt,
      body_bytes: n.bodyBytes,
    }));
  if (!dirty.length) return;
  await tx.query(
    `INSERT INTO notes (id, community_id, author_id, version, hlc, hlc_client, body, deleted_at, body_bytes)
     SELECT x.id, x.community_id, x.author_id, x.version, x.hlc, x.hlc_client, x.body, x.deleted_at, x.body_bytes
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, community_id uuid, author_id uuid, version bigint,
            hlc text, hlc_client text, body jsonb, deleted_at bigint, body_bytes integer)
     ON CONFLICT (community_id, id) DO UPDATE SET version = EXCLUDED.version, hlc = EXCLUDED.hlc,
       hlc_client = EXCLUDED.hlc_client, body = EXCLUDED.body, deleted_at = EXCLUDED.deleted_at,
       body_bytes = EXCLUDED.body_bytes`,
    [JSON.stringify(dirty)],
  );
}
