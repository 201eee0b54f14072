import { err, ok, type Note, type Result } from '../model';
import { enqueue, outboxTables, withoutSync, type PendingRow } from '../db/outbox';
import { syncState } from '../db/sync-state';
import { HLC_ZERO, compareHlc, receiveHlc } from './hlc';
import { mergeRemoteNote, mergeThanks, mergeTombstone, rejectedDraft, type MergeContext } from './merge';
import { PullResponseSchema, type Change, type PullResponse } from './protocol';
import { call, type CallError } from './transport';
import type { PassContext } from './context';
import {
  cancelCompactedReset,
  finishCompactedReset,
  isCompactedReset,
  startCompactedReset,
  takeMissing,
} from './compacted-reset';
import { questionEventsRepository } from '../db/question-events';

export const PULL_LIMIT = 500;
const SEEN = 'sync:reset-seen:';
const ACKED = 'sync:acked:';

/**
 * Notes the server wrote for us since the last complete pull (in the push's transaction): that pull must bring
 * each back. One missing means the server lost it (restored from a backup) though no cursor could tell, e.g.
 * when we had never pulled past the backup: then pull from scratch and re-send, as after a new epoch.
 */
export async function rememberAcked(ctx: PassContext, noteIds: string[]): Promise<void> {
  if (!noteIds.length) return;
  const key = ACKED + ctx.member.communityId;
  const known = ((await ctx.db.kv.get(key))?.value as string[] | undefined) ?? [];
  await ctx.db.kv.put({ key, value: [...new Set([...known, ...noteIds])] });
}

/**
 * Pulls every page since the stored cursor. Each page is applied in one transaction together with its cursor,
 * so a worker killed between pages resumes exactly where it stopped. Returns how many changes came in.
 */
export async function pullAll(ctx: PassContext): Promise<Result<number, CallError>> {
  let count = 0;
  for (let page = 0; page < 10_000; page++) {
    const member = (await syncState(ctx.db).membership(ctx.member.communityId)) ?? ctx.member;
    const query = { cursor: member.cursor ?? undefined, limit: String(PULL_LIMIT) };
    const res = await call(ctx.fetch, member.endpoint, (api) => api.v1.sync.pull.$get({ query }), PullResponseSchema, {
      token: member.token,
      now: ctx.now(),
    });
    if (!res.ok && res.error.code === 'cursor_too_old' && member.cursor) {
      // The server compacted tombstones past our cursor: pull from scratch and drop what it no longer has.
      await startCompactedReset(ctx, SEEN + ctx.member.communityId);
      continue;
    }
    if (!res.ok) return err(res.error);
    const isLost = await applyPage(ctx, res.value);
    count += res.value.changes.length;
    if (!res.value.hasMore && !isLost) {
      await settleMissing(ctx);
      return ok(count);
    }
  }
  return ok(count);
}

/**
 * Our notes the server answered `not_found` to an edit of, after a complete pull that was no reset: a restore
 * that lost them would have made this pull a reset (its cursor or the acknowledged notes tell), so the server
 * deleted them and has since compacted the tombstone (e.g. the user undid a delete already sent). As with a
 * `deleted` answer, the words stay as a rejected draft; the note goes. Never re-sent: that would resurrect it.
 */
async function settleMissing(ctx: PassContext): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', outboxTables(db), async () => {
    for (const id of await takeMissing(ctx)) {
      const local = await db.notes.get(id);
      if (!local || local.author?.id !== ctx.member.memberId || local.communityId !== ctx.member.communityId) continue;
      if (local.deletedAt === undefined) {
        const draft = rejectedDraft(local, 'Deleted before this edit reached the community', {
          newId: ctx.newId,
          now: ctx.now(),
        });
        await db.notes.add(draft);
      }
      await db.notes.delete(id);
      await db.thanks.where('noteId').equals(id).delete();
      await questionEventsRepository(db).removeOfQuestion(id);
    }
  });
}

/**
 * The server lost what it had acknowledged (it asked for mutation numbers we used long ago): pull everything
 * from scratch and re-send whatever of ours it no longer has, as after an epoch change.
 */
export async function startReset(ctx: PassContext): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.kv, async () => {
    await db.kv.delete(SEEN + ctx.member.communityId);
    await syncState(db).patchMembership(ctx.member.communityId, { cursor: null, isResetting: true });
  });
}

/** Applies one page with its cursor; true when the server turned out to have lost our acknowledged writes. */
async function applyPage(ctx: PassContext, page: PullResponse): Promise<boolean> {
  const { db } = ctx;
  const state = syncState(db);
  const cid = ctx.member.communityId;
  return db.transaction('rw', outboxTables(db), async () => {
    const member = await state.membership(cid);
    if (!member) return false; // left meanwhile
    if (page.isReset) await cancelCompactedReset(ctx);
    const isCompacted = !page.isReset && (await isCompactedReset(ctx));
    // The restore's merge rules (re-sends) apply only after a restore; a compacted reset merges as usual.
    const isResetting = page.isReset || member.isResetting === true;
    const isRestoring = isResetting && !isCompacted;
    const seen = new Set<string>(
      page.isReset ? [] : (((await db.kv.get(SEEN + cid))?.value as string[] | undefined) ?? []),
    );
    const intents = await thankIntents(ctx);
    const mctx: MergeContext = { communityId: cid, newId: ctx.newId, now: ctx.now() };
    let maxHlc = HLC_ZERO;
    for (const change of page.changes) {
      const id = change.type === 'note' ? change.note.id : change.noteId;
      if (isResetting) seen.add(id);
      if (change.type === 'note' && change.note.sync?.hlc && compareHlc(change.note.sync.hlc, maxHlc) > 0) {
        maxHlc = change.note.sync.hlc;
      }
      await applyChange(ctx, change, mctx, intents, isRestoring);
    }
    if (maxHlc !== HLC_ZERO) await state.saveHlc(receiveHlc((await state.lastHlc()) ?? HLC_ZERO, maxHlc, ctx.now()));
    if (isCompacted && !page.hasMore) {
      await finishCompactedReset(ctx, seen);
      await db.kv.delete(SEEN + cid);
    } else if (isResetting && !page.hasMore) await finishReset(ctx, seen);
    else if (isResetting) await db.kv.put({ key: SEEN + cid, value: [...seen] });
    const acked = new Set(((await db.kv.get(ACKED + cid))?.value as string[] | undefined) ?? []);
    for (const change of page.changes) acked.delete(change.type === 'note' ? change.note.id : change.noteId);
    const isLost = !isResetting && !page.hasMore && acked.size > 0;
    // A compacted reset reads the acknowledged notes at its end (finishCompactedReset): keep them till then.
    if (isRestoring || !page.hasMore) await db.kv.delete(ACKED + cid);
    else await db.kv.put({ key: ACKED + cid, value: [...acked] });
    if (isLost) {
      await db.kv.delete(SEEN + cid);
      await state.patchMembership(cid, { cursor: null, epoch: page.epoch, isResetting: true });
      return true;
    }
    await state.patchMembership(cid, {
      cursor: page.cursor,
      epoch: page.epoch,
      isResetting: isResetting && page.hasMore,
    });
    return false;
  });
}

async function applyChange(
  ctx: PassContext,
  change: Change,
  mctx: MergeContext,
  intents: Map<string, boolean>,
  isResetting: boolean,
): Promise<void> {
  const { db } = ctx;
  const me = ctx.member.memberId;
  if (change.type === 'tombstone') {
    const decision = mergeTombstone(await db.notes.get(change.noteId), change, mctx);
    if (decision.kind === 'tombstone') {
      await db.notes.put(decision.note);
      if (decision.draft) await db.notes.add(decision.draft);
      await db.thanks.where('noteId').equals(change.noteId).delete();
      await questionEventsRepository(db).removeOfQuestion(change.noteId);
    }
    return;
  }
  const local = await db.notes.get(change.note.id);
  const isMine = change.note.author?.id === me;
  if (isResetting && isMine && local && local.communityId === mctx.communityId) {
    // The server lost history: what we hold of our own that is newer than its copy goes back up.
    if (local.deletedAt !== undefined)
      return enqueue(
        db,
        mctx.communityId,
        { op: 'delete', noteId: local.id, hlc: local.sync?.hlc ?? HLC_ZERO },
        mctx.now,
      );
    if (compareHlc(local.sync?.hlc ?? HLC_ZERO, change.note.sync?.hlc ?? HLC_ZERO) > 0) {
      return resend(ctx, local);
    }
  }
  // Someone else's note we hold as deleted, live in the history the server has now: our tombstone came from
  // the history it lost, and the author's later undo, re-sent after the restore, stands. Take the server's word.
  const isLostTombstone =
    isResetting && !isMine && local?.deletedAt !== undefined && local.author?.id === change.note.author?.id;
  const base = isLostTombstone ? undefined : local;
  const decision = mergeRemoteNote(base, change.note, change.version, mctx);
  if (decision.kind === 'ignore') return;
  if (decision.kind === 'take') await db.notes.put(decision.note);
  if (decision.kind === 'keep' && decision.shadow)
    await db.kv.put({ key: `sync:shadow:${local!.id}`, value: decision.shadow });
  if (base?.deletedAt !== undefined) return;
  const hasMine = (await db.thanks.get(`${change.note.id}:${me}`)) !== undefined;
  const intent = intents.get(change.note.id) ?? (isResetting && !isMine ? hasMine : undefined);
  if (isResetting && !isMine && intent !== change.thankedBy.includes(me)) {
    const hlc = change.note.sync?.hlc ?? HLC_ZERO;
    await enqueue(db, mctx.communityId, { op: intent ? 'thank' : 'unthank', noteId: change.note.id, hlc }, mctx.now);
  }
  await replaceThanks(ctx, change.note.id, mergeThanks(change.thankedBy, me, intent));
  // Question events are a set by id: the server's are put over ours (now with the role it saw); ours not yet
  // sent stay until their push is answered.
  if (change.questionEvents?.length) {
    await questionEventsRepository(db).putMany(
      change.questionEvents.map((e) => ({ ...e, communityId: mctx.communityId })),
    );
  }
}

async function replaceThanks(ctx: PassContext, noteId: string, memberIds: string[]): Promise<void> {
  const { db } = ctx;
  await db.thanks.where('noteId').equals(noteId).delete();
  const createdAt = ctx.now();
  await db.thanks.bulkPut(
    memberIds.map((memberId) => ({
      id: `${noteId}:${memberId}`,
      noteId,
      memberId,
      communityId: ctx.member.communityId,
      createdAt,
    })),
  );
}

/** Our unsent thank intents, by note: the last queued thank (true) or unthank (false) wins. */
async function thankIntents(ctx: PassContext): Promise<Map<string, boolean>> {
  const rows = (await ctx.db.outbox.where('communityId').equals(ctx.member.communityId).toArray()) as PendingRow[];
  const out = new Map<string, boolean>();
  for (const r of rows.sort((a, b) => a.seq - b.seq)) {
    const c = r.mutation.change;
    if (c.op === 'thank' || c.op === 'unthank') out.set(c.noteId, c.op === 'thank');
  }
  return out;
}

async function resend(ctx: PassContext, note: Note): Promise<void> {
  const hlc = note.sync?.hlc ?? HLC_ZERO;
  await enqueue(
    ctx.db,
    ctx.member.communityId,
    { op: 'create', noteId: note.id, hlc, note: withoutSync(note) },
    ctx.now(),
  );
  await ctx.db.notes.put({ ...note, sync: { ...note.sync, isPending: true } });
}

/**
 * End of a pull from scratch after the server was restored: drop what only the old history had (others'
 * notes), and send back our own notes the server no longer knows, deleted ones as deletes.
 */
async function finishReset(ctx: PassContext, seen: Set<string>): Promise<void> {
  const { db } = ctx;
  const cid = ctx.member.communityId;
  const notes = await db.notes.where('communityId').equals(cid).toArray();
  for (const note of notes) {
    if (seen.has(note.id)) continue;
    if (note.author?.id !== ctx.member.memberId) {
      await db.notes.delete(note.id);
      await db.thanks.where('noteId').equals(note.id).delete();
    } else if (note.deletedAt === undefined) {
      await resend(ctx, note);
    } else {
      // Our delete the server lost: it goes back as a tombstone, so another device's live copy, re-sent after
      // the same restore, cannot bring the note back (deletes are final).
      await enqueue(db, cid, { op: 'delete', noteId: note.id, hlc: note.sync?.hlc ?? HLC_ZERO }, ctx.now());
    }
  }
  await db.kv.delete(SEEN + cid);
  await takeMissing(ctx); // our own unseen notes were just re-sent above
}
