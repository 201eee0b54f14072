import type { Note } from '../model';
import type { PendingRow } from '../db/outbox';
import { syncState } from '../db/sync-state';
import { HLC_ZERO } from './hlc';
import { rejectedDraft } from './merge';
import type { PassContext } from './context';
import { questionEventsRepository } from '../db/question-events';

/**
 * The reset after `cursor_too_old` (the server compacted tombstones our cursor had not reached), as opposed to
 * the reset after a restored backup (pull.ts `finishReset`). There the server lost history and we re-send what
 * it lacks; here it only forgot deletes, so what it lacks was deleted: we drop it, except our own changes it
 * never had. Re-sending would resurrect deletes.
 */
const COMPACTED = 'sync:reset-compacted:';
/** Our notes an edit of which the server answered `not_found`: lost by a restore, or deleted and compacted. */
const MISSING = 'sync:missing:';
const ACKED = 'sync:acked:';

/** Starts a pull from scratch that ends in `finishCompactedReset` (survives a worker restart). */
export async function startCompactedReset(ctx: PassContext, seenKey: string): Promise<void> {
  const { db } = ctx;
  const cid = ctx.member.communityId;
  await db.transaction('rw', db.kv, async () => {
    await db.kv.delete(seenKey);
    await db.kv.put({ key: COMPACTED + cid, value: true });
    await syncState(db).patchMembership(cid, { cursor: null, isResetting: true });
  });
}

export async function isCompactedReset(ctx: PassContext): Promise<boolean> {
  return (await ctx.db.kv.get(COMPACTED + ctx.member.communityId))?.value === true;
}

/** A restore (new epoch) overtook the compacted reset: the restore's rules apply from here. */
export async function cancelCompactedReset(ctx: PassContext): Promise<void> {
  await ctx.db.kv.delete(COMPACTED + ctx.member.communityId);
}

/** Remembers, in the caller's transaction, that the server answered `not_found` to our edit of `noteId`. */
export async function rememberMissing(ctx: PassContext, noteId: string): Promise<void> {
  const key = MISSING + ctx.member.communityId;
  const known = ((await ctx.db.kv.get(key))?.value as string[] | undefined) ?? [];
  if (!known.includes(noteId)) await ctx.db.kv.put({ key, value: [...known, noteId] });
}

/** Takes (and forgets) the notes remembered by `rememberMissing`. */
export async function takeMissing(ctx: PassContext): Promise<string[]> {
  const key = MISSING + ctx.member.communityId;
  const ids = ((await ctx.db.kv.get(key))?.value as string[] | undefined) ?? [];
  await ctx.db.kv.delete(key);
  return ids;
}

/**
 * End of the pull from scratch after `cursor_too_old`, in the last page's transaction. `seen`: every note the
 * server sent. Every other note of the community is gone from the server:
 * - someone else's, or ours with nothing unsent: deleted (its tombstone compacted). Dropped here.
 * - ours, never acknowledged by the server (made while offline): kept; its queued create goes up.
 * - ours, which the server once had, with an unsent (or refused `not_found`) edit: deleted meanwhile. The edit is
 *   kept as a rejected draft (as when a tombstone arrives, merge.ts), and its queued changes become deletes
 *   (same numbers, so exactly-once numbering holds; a delete of an unknown note is harmless, never a create);
 *   set-aside ones go.
 */
export async function finishCompactedReset(ctx: PassContext, seen: Set<string>): Promise<void> {
  const { db } = ctx;
  const cid = ctx.member.communityId;
  const me = ctx.member.memberId;
  const rows = (await db.outbox.where('communityId').equals(cid).toArray()) as PendingRow[];
  const unsent = new Map<string, PendingRow[]>();
  for (const r of rows) unsent.set(r.mutation.change.noteId, [...(unsent.get(r.mutation.change.noteId) ?? []), r]);
  const acked = new Set(((await db.kv.get(ACKED + cid))?.value as string[] | undefined) ?? []);
  const missing = new Set(await takeMissing(ctx));
  const notes = await db.notes.where('communityId').equals(cid).toArray();
  for (const note of notes) {
    if (seen.has(note.id)) continue;
    const queued = unsent.get(note.id) ?? [];
    const isMine = note.author?.id === me;
    const wasOnServer = note.sync?.version !== undefined || acked.has(note.id) || missing.has(note.id);
    if (isMine && queued.length && !wasOnServer) continue;
    if (isMine) await keepEditAsDraft(ctx, note, queued, missing.has(note.id));
    await db.notes.delete(note.id);
    await db.thanks.where('noteId').equals(note.id).delete();
    await questionEventsRepository(db).removeOfQuestion(note.id);
    await db.kv.delete(`sync:shadow:${note.id}`);
  }
  await db.kv.delete(COMPACTED + cid);
}

async function keepEditAsDraft(ctx: PassContext, note: Note, queued: PendingRow[], wasRefused: boolean) {
  const { db } = ctx;
  const hasEdit =
    wasRefused || queued.some((r) => r.mutation.change.op === 'create' || r.mutation.change.op === 'edit');
  if (hasEdit && note.deletedAt === undefined) {
    await db.notes.add(rejectedDraft(note, 'Deleted on another device', { newId: ctx.newId, now: ctx.now() }));
  }
  for (const r of queued) {
    // A set-aside change holds no number: it simply goes (its words are in the draft).
    if (r.mutation.setAside) {
      await db.outbox.delete(r.seq);
      continue;
    }
    const change = { op: 'delete' as const, noteId: note.id, hlc: r.mutation.change.hlc ?? HLC_ZERO };
    await db.outbox.update(r.seq, { mutation: { ...r.mutation, change } });
  }
}
