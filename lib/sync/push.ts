import { err, ok, type Result } from '../model';
import { outboxTables, pendingFor, renumber, setAside, withoutSync, type PendingRow } from '../db/outbox';
import { PushResponseSchema, type MutationInput, type MutationResult, type PushResponse } from './protocol';
import { rejectedDraft } from './merge';
import { rememberAcked, startReset } from './pull';
import { rememberMissing } from './compacted-reset';
import { call, describeCallError, type CallError } from './transport';
import type { PassContext } from './context';
import { questionEventsRepository } from '../db/question-events';

/** Mutations per request, and a byte budget well under the server's body cap. */
export const PUSH_BATCH = 100;
const PUSH_BYTES = 1024 * 1024;

/** The wire form of a queued change. */
export function toMutation(row: PendingRow, clientId: string): MutationInput {
  const { change, number } = row.mutation;
  const base = { clientId, mutationNumber: number, hlc: change.hlc };
  switch (change.op) {
    case 'create':
      return { ...base, op: 'create', note: withoutSync(change.note) };
    case 'edit': {
      const { kind, takeaway, tags } = change.note;
      return { ...base, op: 'edit', noteId: change.noteId, patch: { kind, takeaway, tags } };
    }
    case 'question-event':
      return { ...base, op: change.op, noteId: change.noteId, event: change.event };
    default:
      return { ...base, op: change.op, noteId: change.noteId };
  }
}

/** Takes the next batch and marks it sent before it leaves (an undo may no longer drop it). */
async function claim(ctx: PassContext, single: boolean): Promise<PendingRow[]> {
  const { db } = ctx;
  return db.transaction('rw', db.outbox, async () => {
    const rows = await pendingFor(db, ctx.member.communityId, single ? 1 : PUSH_BATCH);
    const batch: PendingRow[] = [];
    let bytes = 0;
    for (const r of rows) {
      bytes += JSON.stringify(r.mutation).length;
      if (batch.length > 0 && bytes > PUSH_BYTES) break;
      batch.push(r);
      if (!r.mutation.isSent) await db.outbox.update(r.seq, { mutation: { ...r.mutation, isSent: true } });
    }
    return batch;
  });
}

export type PushOutcome = { sent: number; isDone: boolean; wasRenumbered?: boolean };

/** A failed push; `suspect` is the one change the endpoint failed on when it was sent alone. */
export type PushError = CallError & { suspect?: PendingRow };

/** Answers that refuse this change itself: resending it as it is can never succeed. */
const REFUSED = [400, 403, 404, 409, 413, 422];
const isRefused = (e: CallError) => e.kind === 'http' && REFUSED.includes(e.status ?? 0);
/** The endpoint broke on the request (not "unavailable", which is about the endpoint, not this change). */
const isServerFault = (e: CallError) => e.kind === 'http' && (e.status ?? 0) >= 500 && e.status !== 503;

/**
 * Sends one batch and records what the server said, in one transaction per answer, so a worker killed at any
 * point resends exactly what was not acknowledged (the server answers `duplicate` for the rest).
 * `single` isolates a batch the server refused or broke on, to find the one change at fault: a refused change
 * is set aside at once; one the server keeps breaking on is the engine's `suspect` (see `strike`).
 */
export async function pushOnce(ctx: PassContext, single = false): Promise<Result<PushOutcome, PushError>> {
  const batch = await claim(ctx, single);
  if (batch.length === 0) return ok({ sent: 0, isDone: true });
  const mutations = batch.map((r) => toMutation(r, ctx.clientId));
  const res = await call(
    ctx.fetch,
    ctx.member.endpoint,
    (api) => api.v1.sync.push.$post({ json: { mutations } }),
    PushResponseSchema,
    { token: ctx.member.token, now: ctx.now() },
  );
  if (!res.ok) {
    const e = res.error;
    if ((isRefused(e) || isServerFault(e)) && batch.length > 1) return pushOnce(ctx, true);
    if (isRefused(e)) {
      await ctx.db.transaction('rw', outboxTables(ctx.db), () =>
        setAside(ctx.db, batch[0]!, `Refused by the endpoint: ${describeCallError(e)}`, ctx.now()),
      );
      return ok({ sent: 1, isDone: false });
    }
    return err(isServerFault(e) ? { ...e, suspect: batch[0]! } : e);
  }
  return ok(await record(ctx, batch, res.value));
}

/** Passes in a row the endpoint may break on one change, while answering otherwise, before it is set aside. */
export const MAX_STRIKES = 3;

/**
 * The endpoint broke on `row` sent alone, yet answered the pull of the same pass: the change, not the
 * endpoint, is at fault. Counts it; at `MAX_STRIKES` sets it aside so the rest of the queue goes on. True when
 * it was set aside.
 */
export async function strike(ctx: PassContext, row: PendingRow, error: CallError): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('rw', outboxTables(db), async () => {
    const current = (await db.outbox.get(row.seq)) as PendingRow | undefined;
    if (!current || current.mutation.setAside) return false;
    const strikes = (current.mutation.strikes ?? 0) + 1;
    if (strikes < MAX_STRIKES) {
      await db.outbox.update(row.seq, { mutation: { ...current.mutation, strikes } });
      return false;
    }
    const why = `The endpoint failed on this change ${strikes} times: ${describeCallError(error)}`;
    await setAside(db, current, why, ctx.now());
    return true;
  });
}

async function record(ctx: PassContext, batch: PendingRow[], answer: PushResponse): Promise<PushOutcome> {
  const { db } = ctx;
  const byNumber = new Map(batch.map((r) => [r.mutation.number, r]));
  let deferredTo: number | undefined;
  await db.transaction('rw', outboxTables(db), async () => {
    const touched = new Set<string>();
    const acked: string[] = [];
    for (const result of answer.results) {
      const row = byNumber.get(result.mutationNumber);
      if (!row || result.clientId !== ctx.clientId) continue;
      if (result.status === 'deferred') {
        deferredTo ??= result.expectedMutationNumber;
        continue;
      }
      if (!(await db.outbox.get(row.seq))) continue; // already recorded (a duplicated answer)
      await db.outbox.delete(row.seq);
      touched.add(row.mutation.change.noteId);
      // A duplicate was applied by an earlier request whose answer we lost: count it too (at worst, a needless
      // pull from scratch when it was a no-op).
      const isWrite = result.status === 'duplicate' || (result.status === 'applied' && result.version !== undefined);
      if (isWrite) acked.push(row.mutation.change.noteId);
      await settle(ctx, row, result);
    }
    for (const noteId of touched) await clearPendingIfDone(ctx, noteId);
    await rememberAcked(ctx, acked);
  });
  if (deferredTo !== undefined) {
    const first = batch[0]!.mutation.number;
    // The server expects an earlier number than we hold: it lost acknowledged changes (restored from a backup).
    if (deferredTo < first) {
      await renumber(db, ctx.member.communityId, deferredTo);
      await startReset(ctx);
      return { sent: batch.length, isDone: false, wasRenumbered: true };
    }
  }
  return { sent: batch.length, isDone: false };
}

async function settle(ctx: PassContext, row: PendingRow, result: MutationResult): Promise<void> {
  const { db } = ctx;
  const { change } = row.mutation;
  const shadowKey = `sync:shadow:${change.noteId}`;
  if (result.status === 'rejected' && result.reason === 'not_found') {
    // The server lost the note (restored from a backup), or it was deleted and its tombstone compacted: the
    // pull of this pass tells which (pull.ts resendMissing, compacted-reset.ts); re-sending now could resurrect it.
    if (change.op === 'create' || change.op === 'edit') await rememberMissing(ctx, change.noteId);
    if (change.op === 'thank') await db.thanks.delete(`${change.noteId}:${ctx.member.memberId}`);
    if (change.op === 'question-event') await questionEventsRepository(db).remove(change.event.id);
    return;
  }
  if (result.status === 'rejected') {
    if (change.op === 'create' || change.op === 'edit') {
      await db.notes.add(rejectedDraft(change.note, rejectReason(result.reason), { newId: ctx.newId, now: ctx.now() }));
    }
    if (result.reason === 'deleted' && change.op !== 'thank' && change.op !== 'unthank') {
      const local = await db.notes.get(change.noteId);
      if (local && local.deletedAt === undefined) await db.notes.put({ ...local, deletedAt: ctx.now() });
    }
    if (change.op === 'thank') await db.thanks.delete(`${change.noteId}:${ctx.member.memberId}`);
    if (change.op === 'question-event') await questionEventsRepository(db).remove(change.event.id);
    return;
  }
  if (result.status === 'applied' && result.isSuperseded) {
    const shadow = (await db.kv.get(shadowKey))?.value;
    if (shadow) await db.notes.put(shadow as never);
  }
}

/** A note stops being pending when its last queued change is acknowledged; its shadow is then stale. */
export async function clearPendingIfDone(ctx: PassContext, noteId: string): Promise<void> {
  const { db } = ctx;
  const left = await db.outbox
    .where('communityId')
    .equals(ctx.member.communityId)
    .filter((r) => (r as PendingRow).mutation.change.noteId === noteId)
    .count();
  if (left > 0) return;
  await db.kv.delete(`sync:shadow:${noteId}`);
  const note = await db.notes.get(noteId);
  if (note?.sync?.isPending) await db.notes.put({ ...note, sync: { ...note.sync, isPending: false } });
}

function rejectReason(reason: string): string {
  return reason === 'deleted'
    ? 'Deleted before this edit reached the community'
    : 'The community no longer has this note';
}
