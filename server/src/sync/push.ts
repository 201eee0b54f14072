import { noteBytes, type Mutation, type MutationResult, type PushResponse } from '../../../lib/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { ApiHttpError } from '../http/errors';
import type { AuthContext, Limits } from '../http/env';
import { applyMutation, type Batch } from './apply';
import { lockHead, recordBatch, type WrittenBatches } from './batches';
import { loadNotes, saveNotes, type NoteState } from './note-state';

export type PushLimits = Pick<Limits, 'maxNoteBytes' | 'memberNotes' | 'memberBytes'>;

/**
 * Applies a batch in one transaction. The community row is locked first, so pushes to one community are
 * serial and the versions they take from its counter commit in order (readers never skip a late row). Each
 * client's last applied mutation number is written in the same transaction: exactly once.
 */
export async function push(
  db: Database,
  auth: AuthContext,
  mutations: Mutation[],
  now: number,
  limits: PushLimits,
  written: WrittenBatches,
): Promise<PushResponse> {
  const answer = await db.transaction(async (tx) => {
    const head = await lockHead(tx, auth.communityId, written);
    const { epoch, lastVersion: startVersion } = head;
    let version = startVersion;
    const last = await loadCounters(tx, auth.memberId, mutations);
    const before = new Map(last);
    const ids = [...new Set(mutations.map((m) => (m.op === 'create' ? m.note.id : m.noteId)))];
    const batch: Batch = {
      auth,
      now,
      ...(await loadNotes(tx, auth.communityId, auth.memberId, ids)),
      thanksAdded: new Set(),
      thanksRemoved: new Set(),
      deletedNotes: new Set(),
      questionEventIds: await loadQuestionEventIds(tx, auth.communityId, mutations),
      questionEvents: [],
      nextVersion: () => ++version,
    };
    const results: MutationResult[] = [];
    const rejections: unknown[][] = [];
    for (const m of mutations) {
      const key = { clientId: m.clientId, mutationNumber: m.mutationNumber };
      const expected = last.get(m.clientId)! + 1;
      if (m.mutationNumber > expected) {
        results.push({ ...key, status: 'deferred', expectedMutationNumber: expected });
        continue;
      }
      if (m.mutationNumber < expected) {
        results.push(await replay(tx, auth.memberId, m));
        continue;
      }
      const outcome = applyMutation(batch, m);
      if (outcome.status === 'rejected') {
        rejections.push([auth.memberId, m.clientId, m.mutationNumber, outcome.reason, outcome.message]);
      }
      last.set(m.clientId, m.mutationNumber);
      results.push({ ...key, ...outcome });
    }
    const growth = measure(batch.notes.values(), auth, limits);
    await saveNotes(tx, batch.notes.values());
    await checkQuota(tx, auth, growth, limits);
    await saveThanks(tx, batch);
    await saveQuestionEvents(tx, batch);
    for (const r of rejections) {
      await tx.query(
        `INSERT INTO rejected_mutations (member_id, client_id, mutation_number, reason, message)
         VALUES ($1, $2, $3, $4, $5)`,
        r,
      );
    }
    for (const [clientId, n] of last) {
      if (n === before.get(clientId)) continue;
      await tx.query(
        `INSERT INTO client_mutations (member_id, client_id, last_mutation) VALUES ($1, $2, $3)
         ON CONFLICT (member_id, client_id) DO UPDATE SET last_mutation = EXCLUDED.last_mutation`,
        [auth.memberId, clientId, n],
      );
    }
    // Names the versions this batch took, so a cursor can prove which history it saw (see sync/pull.ts).
    const recorded = version === startVersion ? undefined : await recordBatch(tx, auth.communityId, head, version);
    return { response: { epoch, version, results }, recorded };
  });
  written.remember(auth.communityId, answer.recorded);
  return answer.response;
}

/**
 * Sets each changed note's size; refuses the batch (413) when one of the caller's notes grows past the cap.
 * Returns how much the caller's live notes grew (count, bytes).
 */
function measure(notes: Iterable<NoteState>, auth: AuthContext, limits: PushLimits): { notes: number; bytes: number } {
  const growth = { notes: 0, bytes: 0 };
  for (const n of notes) {
    if (!n.isDirty) continue;
    const before = n.bodyBytes; // as loaded: 0 for a new note or a tombstone
    const wasLive = before > 0;
    n.bodyBytes = n.body ? noteBytes(n.body) : 0;
    if (n.authorId !== auth.memberId) continue;
    if (n.bodyBytes > limits.maxNoteBytes && n.bodyBytes > before) {
      throw new ApiHttpError(
        413,
        'payload_too_large',
        `Note ${n.id} is ${n.bodyBytes} bytes; notes are capped at ${limits.maxNoteBytes}; nothing was applied`,
      );
    }
    growth.notes += Number(n.body !== null) - Number(wasLive);
    growth.bytes += n.bodyBytes - before;
  }
  return growth;
}

/** A batch that adds notes or bytes past the member's quota is refused whole (403); shrinking always passes. */
async function checkQuota(
  tx: Queryable,
  auth: AuthContext,
  growth: { notes: number; bytes: number },
  limits: PushLimits,
): Promise<void> {
  if (growth.notes <= 0 && growth.bytes <= 0) return;
  const { rows } = await tx.query<{ notes: number; bytes: number }>(
    `SELECT count(*)::int AS notes, COALESCE(sum(body_bytes), 0)::bigint AS bytes
       FROM notes WHERE author_id = $1 AND body IS NOT NULL`,
    [auth.memberId],
  );
  const { notes, bytes } = rows[0]!;
  const over =
    growth.notes > 0 && notes > limits.memberNotes
      ? `${notes} notes (the quota is ${limits.memberNotes})`
      : growth.bytes > 0 && bytes > limits.memberBytes
        ? `${bytes} bytes of notes (the quota is ${limits.memberBytes})`
        : undefined;
  if (over) {
    throw new ApiHttpError(
      403,
      'quota_exceeded',
      `This push would leave you ${over}; delete notes first; nothing was applied`,
    );
  }
}

async function loadCounters(tx: Queryable, memberId: string, mutations: Mutation[]): Promise<Map<string, number>> {
  const clientIds = [...new Set(mutations.map((m) => m.clientId))];
  const { rows } = await tx.query<{ client_id: string; last_mutation: number }>(
    'SELECT client_id, last_mutation FROM client_mutations WHERE member_id = $1 AND client_id = ANY($2::text[]) FOR UPDATE',
    [memberId, clientIds],
  );
  const last = new Map(clientIds.map((id) => [id, 0]));
  for (const r of rows) last.set(r.client_id, r.last_mutation);
  return last;
}

/** A mutation already seen: the same answer as the first time, except that applied reads `duplicate`. */
async function replay(tx: Queryable, memberId: string, m: Mutation): Promise<MutationResult> {
  const key = { clientId: m.clientId, mutationNumber: m.mutationNumber };
  const { rows } = await tx.query<{ reason: 'not_found' | 'deleted'; message: string }>(
    'SELECT reason, message FROM rejected_mutations WHERE member_id = $1 AND client_id = $2 AND mutation_number = $3',
    [memberId, m.clientId, m.mutationNumber],
  );
  const r = rows[0];
  return r ? { ...key, status: 'rejected', reason: r.reason, message: r.message } : { ...key, status: 'duplicate' };
}

async function saveThanks(tx: Queryable, batch: Batch): Promise<void> {
  const me = batch.auth.memberId;
  const community = batch.auth.communityId;
  if (batch.deletedNotes.size) {
    await tx.query('DELETE FROM thanks WHERE community_id = $1 AND note_id = ANY($2::uuid[])', [
      community,
      [...batch.deletedNotes],
    ]);
  }
  if (batch.thanksRemoved.size) {
    await tx.query('DELETE FROM thanks WHERE community_id = $1 AND member_id = $2 AND note_id = ANY($3::uuid[])', [
      community,
      me,
      [...batch.thanksRemoved],
    ]);
  }
  const added = [...batch.thanksAdded].filter((id) => !batch.deletedNotes.has(id));
  if (added.length) {
    await tx.query(
      `INSERT INTO thanks (community_id, note_id, member_id, created_at) SELECT $4, unnest($1::uuid[]), $2, $3
       ON CONFLICT DO NOTHING`,
      [added, me, batch.now, community],
    );
  }
}

/** The ids among the batch's question events that are already stored: re-sending one is a no-op. */
async function loadQuestionEventIds(tx: Queryable, community: string, mutations: Mutation[]): Promise<Set<string>> {
  const ids = mutations.flatMap((m) => (m.op === 'question-event' ? [m.event.id] : []));
  if (!ids.length) return new Set();
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM question_events WHERE community_id = $1 AND id = ANY($2::uuid[])',
    [community, ids],
  );
  return new Set(rows.map((r) => r.id));
}

async function saveQuestionEvents(tx: Queryable, batch: Batch): Promise<void> {
  const rows = batch.questionEvents
    .filter((e) => !batch.deletedNotes.has(e.noteId))
    .map((e) => ({ ...e, member_id: batch.auth.memberId, by_role: batch.auth.role }));
  if (!rows.length) return;
  await tx.query(
    `INSERT INTO question_events (community_id, id, note_id, member_id, by_role, type, at, body)
     SELECT $2, x.id, x."noteId", x.member_id, x.by_role, x.type, x.at, x.body
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "noteId" uuid, member_id uuid, by_role text, type text,
            at bigint, body jsonb)
     ON CONFLICT (community_id, id) DO NOTHING`,
    [JSON.stringify(rows), batch.auth.communityId],
  );
}
