import { HLC_ZERO, tickHlc, type Hlc } from '../sync/hlc';
import { err, ok, type Note, type Result } from '../model';
import type { CommonplaceDb, OutboxRow } from './schema';
import { syncState } from './sync-state';

/**
 * A change waiting for the community endpoint. Notes travel as snapshots taken at change time, so each
 * mutation is exactly the change the user made (never a later state under an earlier clock).
 */
export type OutboxChange =
  | { op: 'create' | 'edit'; noteId: string; hlc: Hlc; note: Note }
  | { op: 'delete' | 'thank' | 'unthank'; noteId: string; hlc: Hlc };

/**
 * What an outbox row holds. `number` is the protocol's mutation number: per community, consecutive, fixed
 * when queued so a resend after a lost response carries the same number (the server then says `duplicate`).
 * `isSent` is set before the first send: from then on the row may have reached the server.
 */
export interface OutboxEntry {
  number: number;
  isSent?: boolean;
  change: OutboxChange;
}

export interface PendingRow extends OutboxRow {
  seq: number;
  mutation: OutboxEntry;
}

/** The tables a change must write together with its outbox row. */
export const outboxTables = (db: CommonplaceDb) => [db.notes, db.outbox, db.kv, db.thanks];

const COUNTER = 'sync:next-number:';

/** The next clock of this device, persisted so a restarted worker never reuses one. Call inside a transaction. */
export async function nextHlc(db: CommonplaceDb, now: number): Promise<Hlc> {
  const state = syncState(db);
  const hlc = tickHlc((await state.lastHlc()) ?? HLC_ZERO, now);
  await state.saveHlc(hlc);
  return hlc;
}

/** Queues one change in the caller's transaction (which must include `outboxTables(db)`). */
export async function enqueue(db: CommonplaceDb, communityId: string, change: OutboxChange, now: number) {
  const key = COUNTER + communityId;
  const number = ((await db.kv.get(key))?.value as number | undefined) ?? 1;
  await db.kv.put({ key, value: number + 1 });
  const entry: OutboxEntry = { number, change };
  await db.outbox.add({ communityId, mutation: entry, createdAt: now });
}

/**
 * Stamps a community note's change with a clock and queues it, in the caller's transaction (which must
 * include `outboxTables(db)`). Personal notes pass through untouched. Only a note's author may change a
 * community note (`create` is exempt: a new note is the caller's). `replace` sends the whole note. Returns the
 * note to store.
 */
export async function trackNoteChange(
  db: CommonplaceDb,
  op: 'create' | 'edit' | 'delete' | 'replace',
  note: Note,
  now: number,
): Promise<Result<Note>> {
  if (!note.communityId) return ok(note);
  const communityId = note.communityId;
  const state = syncState(db);
  const member = await state.membership(communityId);
  if (op !== 'create' && note.author && member && note.author.id !== member.memberId) {
    return err('Only its author can change this note');
  }
  let next = note;
  if (!next.author && member) {
    next = { ...next, author: { id: member.memberId, name: (await state.readSettings()).displayName || 'Member' } };
  }
  const hlc = await nextHlc(db, now);
  next = { ...next, sync: { ...next.sync, hlc, isPending: true } };
  // A replace (fields an edit patch does not carry, e.g. the page) travels as a create: the server treats a
  // create of an existing note as an edit of all its fields, ordered by the same clock.
  const wireOp = op === 'replace' ? 'create' : op;
  const change: OutboxChange =
    wireOp === 'delete'
      ? { op: wireOp, noteId: note.id, hlc }
      : { op: wireOp, noteId: note.id, hlc, note: withoutSync(next) };
  await enqueue(db, communityId, change, now);
  return ok(next);
}

/**
 * Undo of a delete that never left the device: the queued delete is dropped (later rows renumbered so the
 * numbers stay consecutive), and the server never sees it. Once sent, the delete stands (deletes are final).
 */
export async function dropUnsentDelete(db: CommonplaceDb, noteId: string): Promise<void> {
  const rows = (await db.outbox.toArray()) as PendingRow[];
  const target = rows.find(
    (r) => !r.mutation.isSent && r.mutation.change.op === 'delete' && r.mutation.change.noteId === noteId,
  );
  if (!target) return;
  await db.outbox.delete(target.seq);
  const later = rows.filter((r) => r.communityId === target.communityId && r.mutation.number > target.mutation.number);
  for (const r of later) await db.outbox.update(r.seq, { mutation: { ...r.mutation, number: r.mutation.number - 1 } });
  const key = COUNTER + target.communityId;
  const next = (await db.kv.get(key))?.value as number;
  await db.kv.put({ key, value: next - 1 });
}

/**
 * Renumbers a community's queue from `first` (the server restored from a backup lost our later numbers, or we
 * joined anew). Rows keep their order.
 */
export async function renumber(db: CommonplaceDb, communityId: string, first: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.kv, async () => {
    const rows = await pendingFor(db, communityId, Infinity);
    let n = first;
    for (const r of rows) await db.outbox.update(r.seq, { mutation: { ...r.mutation, number: n++ } });
    await db.kv.put({ key: COUNTER + communityId, value: n });
  });
}

/** The oldest `limit` queued changes of a community, in the order they were made. */
export async function pendingFor(db: CommonplaceDb, communityId: string, limit: number): Promise<PendingRow[]> {
  let q = db.outbox.where('communityId').equals(communityId);
  if (Number.isFinite(limit)) q = q.limit(limit);
  const rows = (await q.toArray()) as PendingRow[];
  return rows.sort((a, b) => a.seq - b.seq);
}

export async function pendingCount(db: CommonplaceDb, communityId?: string): Promise<number> {
  return communityId ? db.outbox.where('communityId').equals(communityId).count() : db.outbox.count();
}

/** Forget a community's queue (leaving it). */
export async function clearOutbox(db: CommonplaceDb, communityId: string): Promise<void> {
  await db.outbox.where('communityId').equals(communityId).delete();
  await db.kv.delete(COUNTER + communityId);
}

/** The note as it travels: local bookkeeping stays home. */
export function withoutSync(note: Note): Note {
  const { sync: _local, ...rest } = note;
  return rest;
}
