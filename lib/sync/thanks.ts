import { err, ok, type Note, type Result } from '../model';
import type { CommonplaceDb } from '../db/schema';
import { enqueue, nextHlc, outboxTables } from '../db/outbox';
import { syncState } from '../db/sync-state';
import { thanksRepository } from '../db/thanks';

/**
 * Thanks a community note (or withdraws the thanks): a set element per member, stored and queued in one
 * transaction. Only others' notes can be thanked (the server refuses thanking your own).
 */
export async function setThanks(
  db: CommonplaceDb,
  noteId: string,
  isThanked: boolean,
  now: number,
): Promise<Result<void>> {
  return db.transaction('rw', outboxTables(db), async () => {
    const note = await db.notes.get(noteId);
    if (!note || note.deletedAt !== undefined || !note.communityId) return err('No such community note');
    const member = await syncState(db).membership(note.communityId);
    if (!member) return err('You are not a member of this community');
    if (note.author?.id === member.memberId) return err('You cannot thank your own note');
    const id = `${noteId}:${member.memberId}`;
    const thanks = thanksRepository(db);
    const has = (await thanks.get(id)) !== undefined;
    if (has === isThanked) return ok(undefined);
    if (isThanked)
      await thanks.put({ id, noteId, memberId: member.memberId, communityId: note.communityId, createdAt: now });
    else await thanks.delete(id);
    const hlc = await nextHlc(db, now);
    await enqueue(db, note.communityId, { op: isThanked ? 'thank' : 'unthank', noteId, hlc }, now);
    return ok(undefined);
  });
}

/** How many thanked a note, and whether you did: what the thank button shows. */
export async function thanksFor(db: CommonplaceDb, noteId: string): Promise<{ count: number; isThankedByMe: boolean }> {
  const note = await db.notes.get(noteId);
  return (await thanksForNotes(db, [{ id: noteId, communityId: note?.communityId }])).get(noteId)!;
}

/**
 * thanksFor for a list of notes at once (the popup's twenty): one read of their thanks and one membership
 * lookup per community, where a query per note cost three reads each on every list the user typed up.
 */
export async function thanksForNotes(
  db: CommonplaceDb,
  notes: readonly Pick<Note, 'id' | 'communityId'>[],
): Promise<Map<string, { count: number; isThankedByMe: boolean }>> {
  const out = new Map(notes.map((n) => [n.id, { count: 0, isThankedByMe: false }]));
  if (notes.length === 0) return out;
  const communities = [...new Set(notes.flatMap((n) => (n.communityId ? [n.communityId] : [])))];
  const me = new Map<string, string | undefined>();
  for (const c of communities) me.set(c, (await syncState(db).membership(c))?.memberId);
  const communityOf = new Map(notes.map((n) => [n.id, n.communityId]));
  for (const r of await thanksRepository(db).ofNotes([...out.keys()])) {
    const t = out.get(r.noteId)!;
    t.count++;
    const c = communityOf.get(r.noteId);
    if (c && r.memberId === me.get(c)) t.isThankedByMe = true;
  }
  return out;
}
