import { HLC_ZERO, tickHlc, type Hlc } from '../sync/hlc';
import { err, ok, type Note, type Result } from '../model';
import type { QuestionEventBody } from '../questions/events';
import type { CommonplaceDb, OutboxRow } from './schema';
import { syncState } from './sync-state';

/**
 * A change waiting for the community endpoint. Notes travel as snapshots taken at change time, so each
 * mutation is exactly the change the user made (never a later state under an earlier clock).
 */
export type OutboxChange =
  | { op: 'create' | 'edit'; noteId: string; hlc: Hlc; note: Note }
  | { op: 'delete' | 'thank' | 'unthank'; noteId: string; hlc: Hlc }
  | { op: 'question-event'; noteId: string; hlc: Hlc; event: QuestionEventBody };

/**
 * What an outbox row holds. `number` is the protocol's mutation number: per community, consecutive, fixed
 * when queued so a resend after a lost response carries the same number (the server then says `duplicate`).
 * `isSent` is set before the first send: from then on the row may have reached the server.
 */
export interface OutboxEntry {
  number: number;
  isSent?: boolean;
  change: OutboxChange;
  /** Consecutive passes in which this change alone failed while the endpoint otherwise answered (a pull worked). */
  strikes?: number;
  /**
   * Set aside: the endpoint refused this change, or kept failing on it alone. It is kept (never dropped), out of
   * the queue's numbering so the rest of sync goes on, shown to the user with the reason, until they retry it.
   */
  setAside?: SetAside;
}

/** Why and when a change was set aside. */
export interface SetAside {
  reason: string;
  at: number;
}

export interface PendingRow extends OutboxRow {
  seq: number;
  mutation: OutboxEntry;
}

/** The tables a change must write together with its outbox row. */
export const outboxTables = (db: CommonplaceDb) => [db.notes, db.outbox, db.kv, db.thanks, db.questionEvents];

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
  if (target.mutation.setAside) return; // it held no number
  const later = rows.filter(
    (r) => r.communityId === target.communityId && !r.mutation.setAside && r.mutation.number > target.mutation.number,
  );
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

const isQueued = (r: OutboxRow) => !(r as PendingRow).mutation.setAside;

/** The oldest `limit` queued changes of a community, in the order they were made (set-aside ones excluded). */
export async function pendingFor(db: CommonplaceDb, communityId: string, limit: number): Promise<PendingRow[]> {
  let q = db.outbox.where('communityId').equals(communityId).filter(isQueued);
  if (Number.isFinite(limit)) q = q.limit(limit);
  const rows = (await q.toArray()) as PendingRow[];
  return rows.sort((a, b) => a.seq - b.seq);
}

/** Changes waiting to be sent (set-aside ones are not waiting: they wait for the user). */
export async function pendingCount(db: CommonplaceDb, communityId?: string): Promise<number> {
  const rows = communityId ? db.outbox.where('communityId').equals(communityId) : db.outbox.toCollection();
  return rows.filter(isQueued).count();
}

/** A community's set-aside changes, oldest first. */
export async function setAsideFor(db: CommonplaceDb, communityId: string): Promise<PendingRow[]> {
  const rows = (await db.outbox
    .where('communityId')
    .equals(communityId)
    .filter((r) => !isQueued(r))
    .toArray()) as PendingRow[];
  return rows.sort((a, b) => a.seq - b.seq);
}

/**
 * Sets a queued change aside in the caller's transaction (which must include `db.outbox` and `db.kv`): it
 * leaves the numbering (nothing was applied under its number, so the later ones move down one) and stays in
 * the outbox, with its reason, for the user to see and retry.
 */
export async function setAside(db: CommonplaceDb, row: PendingRow, reason: string, now: number): Promise<void> {
  await db.outbox.update(row.seq, {
    mutation: { ...row.mutation, isSent: false, strikes: 0, setAside: { reason: reason.slice(0, 300), at: now } },
  });
  await renumber(db, row.communityId, row.mutation.number);
}

/**
 * The user's "Retry": a community's set-aside changes go back to the end of its queue, in their order, with
 * fresh numbers. Returns how many.
 */
export async function retrySetAside(db: CommonplaceDb, communityId: string): Promise<number> {
  return db.transaction('rw', db.outbox, db.kv, async () => {
    const rows = await setAsideFor(db, communityId);
    const key = COUNTER + communityId;
    let number = ((await db.kv.get(key))?.value as number | undefined) ?? 1;
    for (const r of rows) {
      const { setAside: _reason, strikes: _strikes, isSent: _sent, ...rest } = r.mutation;
      // A new row, so the queue's order (by seq) stays the order of the numbers.
      await db.outbox.delete(r.seq);
      await db.outbox.add({ communityId, mutation: { ...rest, number: number++ }, createdAt: r.createdAt });
    }
    await db.kv.put({ key, value: number });
    return rows.length;
  });
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
