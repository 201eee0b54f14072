import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { notesRepository } from './notes';
import { pendingFor, type PendingRow } from './outbox';
import { CommonplaceDb } from './schema';
import { toMutation } from '../sync/push';
import { joinCommunityForTest } from '../testing/membership';

let db: CommonplaceDb;
afterEach(async () => {
  await db?.delete();
});

const draft = (communityId: string | null, takeaway = 't') => ({
  kind: 'insight',
  quote: 'q',
  takeaway,
  tags: [],
  selectors: [],
  page: { url: 'https://example.org/', canonicalUrl: 'https://example.org/', title: 'E' },
  communityId,
});

async function setUp() {
  db = new CommonplaceDb(`t-${Math.random()}`);
  let t = 1_000;
  const notes = notesRepository(db, () => (t += 10));
  await joinCommunityForTest(db);
  return notes;
}
const ops = async () =>
  (await pendingFor(db, 'c1', 100)).map((r: PendingRow) => [r.mutation.number, r.mutation.change.op]);

describe('outbox written with the note change', () => {
  it('queues community changes with consecutive numbers and rising clocks; personal notes stay local', async () => {
    const notes = await setUp();
    await notes.create(draft(null));
    const made = await notes.create(draft('c1'));
    if (!made.ok) throw new Error(made.error);
    expect(made.value.author).toEqual({ id: 'me', name: 'Ada' });
    await notes.update(made.value.id, { takeaway: 'changed' });
    await notes.remove(made.value.id);
    expect(await ops()).toEqual([
      [1, 'create'],
      [2, 'edit'],
      [3, 'delete'],
    ]);
    const rows = await pendingFor(db, 'c1', 100);
    const clocks = rows.map((r) => r.mutation.change.hlc);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(3);
    expect(await db.outbox.count()).toBe(3);
  });

  it('an undo before sending drops the queued delete and keeps numbers consecutive', async () => {
    const notes = await setUp();
    const made = await notes.create(draft('c1'));
    if (!made.ok) throw new Error(made.error);
    await notes.remove(made.value.id);
    await notes.restore(made.value.id);
    await notes.create(draft('c1', 'second'));
    expect(await ops()).toEqual([
      [1, 'create'],
      [2, 'edit'],
      [3, 'create'],
    ]);
  });

  it('a sent delete stands: undo then queues an edit after it', async () => {
    const notes = await setUp();
    const made = await notes.create(draft('c1'));
    if (!made.ok) throw new Error(made.error);
    await notes.remove(made.value.id);
    const rows = await pendingFor(db, 'c1', 100);
    await db.outbox.update(rows[1]!.seq, { mutation: { ...rows[1]!.mutation, isSent: true } });
    await notes.restore(made.value.id);
    expect(await ops()).toEqual([
      [1, 'create'],
      [2, 'delete'],
      [3, 'edit'],
    ]);
  });

  it("refuses to change another member's note, and changes nothing", async () => {
    const notes = await setUp();
    const made = await notes.create(draft('c1'), { id: 'someone-else', name: 'Bea' });
    if (!made.ok) throw new Error(made.error);
    const before = await db.outbox.count();
    expect(await notes.update(made.value.id, { takeaway: 'mine now' })).toEqual({
      ok: false,
      error: 'Only its author can change this note',
    });
    expect((await notes.remove(made.value.id)).ok).toBe(false);
    expect(await db.outbox.count()).toBe(before);
    expect((await notes.get(made.value.id))?.takeaway).toBe('t');
  });

  it('moving a page queues a whole-note write for our community notes and leaves others alone', async () => {
    const notes = await setUp();
    const mine = await notes.create(draft('c1', 'mine'));
    const theirs = await notes.create(draft('c1', 'theirs'), { id: 'someone-else', name: 'Bea' });
    const personal = await notes.create(draft(null, 'personal'));
    if (!mine.ok || !theirs.ok || !personal.ok) throw new Error('setup');
    await db.outbox.clear();
    const ids = [mine.value.id, theirs.value.id, personal.value.id];
    expect(await notes.moveToPage(ids, 'https://example.org/moved')).toEqual({
      ok: true,
      value: { moved: 2, skipped: 1 },
    });
    const [row, ...rest] = await pendingFor(db, 'c1', 100);
    expect(rest).toEqual([]);
    expect(row?.mutation.change).toMatchObject({ op: 'create', noteId: mine.value.id });
    expect(toMutation(row!, 'client-1')).toMatchObject({
      op: 'create',
      note: { id: mine.value.id, page: { url: 'https://example.org/moved' } },
    });
    expect((await notes.get(mine.value.id))?.sync?.isPending).toBe(true);
    expect((await notes.get(theirs.value.id))?.page.url).toBe('https://example.org/');
    expect((await notes.get(personal.value.id))?.page.url).toBe('https://example.org/moved');
    expect(await notes.moveToPage([theirs.value.id], 'https://example.org/moved')).toEqual({
      ok: false,
      error: 'Only their authors can move community notes',
    });
  });
});
