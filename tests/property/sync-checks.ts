import { noteSummary } from '../../lib/digest/note-summary';
import { compareStamps } from '../../lib/sync/hlc';
import { storedSummaries } from '../../lib/testing/stored-summaries';
import type { World } from './sync-run';

interface ServerNote {
  id: string;
  communityId: string;
  takeaway: string | null;
  isDeleted: boolean;
  thankedBy: string[];
}

async function serverNotes(w: World): Promise<Map<string, ServerNote>> {
  const { rows } = await w.server.db.query<{
    id: string;
    community_id: string;
    body: { takeaway?: string } | null;
    deleted_at: number | null;
    thanked_by: string[];
  }>(
    `SELECT n.id, n.community_id, n.body, n.deleted_at,
            COALESCE((SELECT array_agg(t.member_id::text ORDER BY t.member_id) FROM thanks t WHERE t.community_id = n.community_id AND t.note_id = n.id), '{}') AS thanked_by
       FROM notes n`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        communityId: r.community_id,
        takeaway: r.body?.takeaway ?? null,
        isDeleted: r.deleted_at !== null,
        thankedBy: r.thanked_by,
      },
    ]),
  );
}

const fail = (msg: string): never => {
  throw new Error(msg);
};

/** The properties the issue names, checked after healing. Throws with the first violation. */
export async function checkWorld(w: World): Promise<void> {
  const server = await serverNotes(w);

  // Every outbox drained.
  for (const [i, c] of w.clients.entries()) {
    const left = await c.db.outbox.count();
    if (left) fail(`client ${i} still has ${left} queued changes`);
  }

  // Every write sync made (pulls, tombstones, resets, rejected drafts) kept the digest's note summaries in step.
  for (const [i, c] of w.clients.entries()) {
    const want = JSON.stringify((await c.db.notes.orderBy('id').toArray()).map(noteSummary));
    const got = JSON.stringify((await storedSummaries(c.db)).map(({ seq: _s, ...summary }) => summary));
    if (got !== want) fail(`client ${i}'s note summaries differ from its notes`);
  }

  // No client ever received another community's rows, and none holds one.
  for (const pull of w.log.pulls) {
    for (const n of pull.notes) {
      const home = w.noteCommunity.get(n.id) ?? server.get(n.id)?.communityId;
      if (home !== pull.communityOfToken)
        fail(`note ${n.id} of ${home} was sent to a member of ${pull.communityOfToken}`);
    }
  }

  // Replicas equal the server: live notes, their content and thanks; tombstones stay tombstones.
  for (const [i, c] of w.clients.entries()) {
    const cid = c.communityId;
    const local = await c.db.notes.toArray();
    const foreign = local.filter((n) => n.communityId && n.communityId !== cid);
    if (foreign.length) fail(`client ${i} holds notes of another community`);
    const live = new Map(local.filter((n) => n.communityId === cid && n.deletedAt === undefined).map((n) => [n.id, n]));
    const serverLive = [...server.values()].filter((n) => n.communityId === cid && !n.isDeleted);
    if (live.size !== serverLive.length) fail(`client ${i} has ${live.size} live notes, server ${serverLive.length}`);
    for (const s of serverLive) {
      const n = live.get(s.id) ?? fail(`client ${i} lacks note ${s.id}`);
      if (n.takeaway !== s.takeaway) fail(`client ${i} note ${s.id}: "${n.takeaway}" vs server "${s.takeaway}"`);
      const thanks = (await c.db.thanks.where('noteId').equals(s.id).toArray()).map((t) => t.memberId).sort();
      if (thanks.join() !== [...s.thankedBy].sort().join())
        fail(`client ${i} thanks of ${s.id} differ from the server`);
    }
  }

  // Nothing applied twice: each (client, mutation number) applied at most once.
  const applied = new Set<string>();
  for (const p of w.log.push) {
    for (const r of p.results) {
      if (r.status !== 'applied') continue;
      const key = `${p.generation}#${String(r.clientId)}#${String(r.mutationNumber)}`;
      if (applied.has(key)) fail(`mutation ${key} applied twice`);
      applied.add(key);
    }
  }

  // Nothing acknowledged lost: a live note shows its latest write; a refused write survives as a draft.
  const sentTakeaways = new Map<string, { status: string; hlc: string; clientId: string; noteId: string }[]>();
  for (const p of w.log.push) {
    for (const [k, m] of p.body.mutations.entries()) {
      const r = p.results[k]!;
      const takeaway =
        (m.note as { takeaway?: string } | undefined)?.takeaway ??
        (m.patch as { takeaway?: string } | undefined)?.takeaway;
      if (takeaway === undefined || r.status === 'deferred') continue;
      const noteId = String((m.note as { id?: string } | undefined)?.id ?? m.noteId);
      const list = sentTakeaways.get(takeaway) ?? [];
      list.push({ status: String(r.status), hlc: String(m.hlc), clientId: String(m.clientId), noteId });
      sentTakeaways.set(takeaway, list);
    }
  }
  // Deletes the server applied, by note: a write the author made before deleting the note need not survive.
  const deletes = new Map<string, { hlc: string; clientId: string }[]>();
  for (const p of w.log.push) {
    for (const [k, m] of p.body.mutations.entries()) {
      if (m.op !== 'delete' || p.results[k]!.status !== 'applied') continue;
      const list = deletes.get(String(m.noteId)) ?? [];
      list.push({ hlc: String(m.hlc), clientId: String(m.clientId) });
      deletes.set(String(m.noteId), list);
    }
  }
  const winners = new Map<string, { hlc: string; clientId: string; takeaway: string }>();
  for (const [takeaway, list] of sentTakeaways) {
    for (const s of list) {
      if (s.status !== 'applied') continue;
      const best = winners.get(s.noteId);
      if (!best || compareStamps(s, best) > 0) winners.set(s.noteId, { ...s, takeaway });
    }
  }
  const draftsOf = new Map<number, string[]>();
  for (const [i, c] of w.clients.entries()) {
    draftsOf.set(
      i,
      (await c.db.notes.toArray()).filter((n) => n.sync?.isRejected).map((n) => n.takeaway),
    );
  }
  // A write reached the server or a draft, or the same device's later write of the same note did: the user's own
  // later words (or delete) replaced it before it went up. A reset after compaction keeps only a note's last
  // words as a draft, and none when the user deleted the note.
  const isKept = (i: number): boolean => {
    const wr = w.written[i]!;
    if (wr.op === 'delete') return true;
    if (sentTakeaways.has(wr.takeaway) || draftsOf.get(wr.client)!.includes(wr.takeaway)) return true;
    const next = w.written.findIndex((x, j) => j > i && x.client === wr.client && x.noteId === wr.noteId);
    return next >= 0 && isKept(next);
  };
  for (const [i, wr] of w.written.entries()) {
    if (wr.op === 'delete') continue;
    const drafts = draftsOf.get(wr.client)!;
    const sent = sentTakeaways.get(wr.takeaway);
    if (!isKept(i)) fail(`write "${wr.takeaway}" (${wr.op}) never reached the server nor a draft`);
    const rejected = sent?.filter((s) => s.status === 'rejected' && s.noteId === wr.noteId) ?? [];
    const wasApplied = sent?.some((s) => s.status === 'applied' || s.status === 'duplicate');
    // A refused write is kept as a draft, unless a later write of the same note (a re-send after a restore) won
    // or the author deleted the note afterwards.
    const win = winners.get(wr.noteId);
    const isSuperseded = win !== undefined && rejected.every((s) => compareStamps(win, s) > 0);
    const isDeletedAfter = rejected.every((s) => deletes.get(wr.noteId)?.some((d) => compareStamps(d, s) > 0));
    if (rejected.length && !wasApplied && !isSuperseded && !isDeletedAfter && !drafts.includes(wr.takeaway)) {
      fail(`rejected write "${wr.takeaway}" was dropped`);
    }
  }
  for (const [noteId, win] of winners) {
    const s = server.get(noteId);
    if (s && !s.isDeleted && s.takeaway !== win.takeaway)
      fail(`note ${noteId}: server "${s.takeaway}" but the winning write was "${win.takeaway}"`);
  }

  // Deletes stay deleted: a delete the (current) server applied is a tombstone there and on every replica.
  for (const p of w.log.push) {
    for (const [k, m] of p.body.mutations.entries()) {
      if (m.op !== 'delete' || p.results[k]!.status !== 'applied') continue;
      // A server restored from a backup may have lost an older delete; the user's later undo then stands.
      if (p.generation !== w.log.generation) continue;
      const id = String(m.noteId);
      const s = server.get(id);
      if (s && !s.isDeleted) fail(`deleted note ${id} is live on the server`);
      for (const [i, c] of w.clients.entries()) {
        const n = await c.db.notes.get(id);
        if (n && n.deletedAt === undefined) fail(`deleted note ${id} is live on client ${i}`);
      }
    }
  }
}
