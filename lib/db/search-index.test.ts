import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { CommonplaceDb } from './schema';
import { SEARCH_INDEX_KEY, searchIndexRepository } from './search-index';

let db: CommonplaceDb;
const NOW = Date.UTC(2026, 10, 27);
const find = async (repo: ReturnType<typeof searchIndexRepository>, q: string) =>
  (await repo.open()).search(q, { now: NOW }).map((h) => h.id);

beforeEach(async () => {
  db = new CommonplaceDb(`search-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('search index persistence', () => {
  it('builds from the notes table the first time, skipping deleted notes and counting thanks', async () => {
    const a = makeNote({ quote: 'kubernetes rollout restart' });
    const b = makeNote({ quote: 'kubernetes is gone', deletedAt: NOW });
    await db.notes.bulkPut([a, b]);
    await db.thanks.put({ id: `${a.id}:m1`, noteId: a.id, memberId: 'm1', communityId: 'c', createdAt: 1 });
    const repo = searchIndexRepository(db);
    expect(await find(repo, 'kubernetes')).toEqual([a.id]);
  });

  it('saves a snapshot that a new page loads without reading the notes again', async () => {
    const a = makeNote({ quote: 'vector embeddings' });
    await db.notes.put(a);
    const writer = searchIndexRepository(db);
    const meta = await writer.compact();
    expect(meta.count).toBe(1);
    expect((await db.blobs.get(SEARCH_INDEX_KEY))?.data).toBeInstanceOf(Uint8Array);
    // Prove the reader used the snapshot: change the note behind the index's back (no noteChanged, no
    // updatedAt bump) and the reader still finds the saved words.
    await db.notes.put({ ...a, quote: 'something else' });
    expect(await find(searchIndexRepository(db), 'embeddings')).toEqual([a.id]);
  });

  it('replays changes logged since the snapshot: create, edit, delete', async () => {
    const a = makeNote({ quote: 'old words here' });
    const b = makeNote({ quote: 'doomed note' });
    await db.notes.bulkPut([a, b]);
    const writer = searchIndexRepository(db);
    await writer.compact();
    const c = makeNote({ quote: 'brand new insight' });
    await db.notes.bulkPut([c, { ...a, takeaway: 'fresh zebrafish' }, { ...b, deletedAt: NOW }]);
    await writer.noteChanged([c.id, a.id, b.id]);
    expect(await writer.pendingChanges()).toBe(3);
    expect(await find(writer, 'brand')).toEqual([c.id]);

    const reader = searchIndexRepository(db);
    expect(await find(reader, 'insight')).toEqual([c.id]);
    expect(await find(reader, 'zebrafish')).toEqual([a.id]);
    expect(await find(reader, 'doomed')).toEqual([]);

    await writer.compact();
    expect(await writer.pendingChanges()).toBe(0);
    const later = searchIndexRepository(db);
    expect(await find(later, 'fresh')).toEqual([a.id]);
    expect((await later.open()).size).toBe(2);
  });

  it('catches up on notes written without noteChanged, by their updatedAt', async () => {
    const writer = searchIndexRepository(db);
    await db.notes.put(makeNote({ quote: 'first', updatedAt: 1000 }));
    await writer.compact();
    const late = makeNote({ quote: 'sneaky write', updatedAt: 5000 });
    await db.notes.put(late);
    expect(await find(searchIndexRepository(db), 'sneaky')).toEqual([late.id]);
  });

  it('rebuilds when the saved bytes are corrupt', async () => {
    const a = makeNote({ quote: 'resilient storage' });
    await db.notes.put(a);
    await searchIndexRepository(db).compact();
    await db.blobs.put({ key: SEARCH_INDEX_KEY, data: new Uint8Array([9, 9, 9]) });
    expect(await find(searchIndexRepository(db), 'resilient')).toEqual([a.id]);
  });

  it('keeps changes logged during a compaction for the next one', async () => {
    const writer = searchIndexRepository(db);
    const a = makeNote({ quote: 'alpha' });
    await db.notes.put(a);
    await writer.noteChanged(a.id);
    const compacting = writer.compact();
    const b = makeNote({ quote: 'bravo' });
    await db.notes.put(b);
    await writer.noteChanged(b.id);
    await compacting;
    expect(await find(searchIndexRepository(db), 'bravo')).toEqual([b.id]);
  });

  it('does not save again a snapshot that nothing changed since it was loaded or saved', async () => {
    let tick = 0;
    const now = () => ++tick * 1000; // every save would stamp a new savedAt
    const a = makeNote({ quote: 'steady state' });
    await db.notes.put(a);
    const first = await searchIndexRepository(db, { now }).compact();
    const reopened = searchIndexRepository(db, { now });
    await reopened.open();
    const bytes = (await db.blobs.get(SEARCH_INDEX_KEY))?.data;
    // Start-up compaction with an empty log: the saved bytes stay the very same row.
    expect(await reopened.compact()).toEqual(first);
    expect((await db.blobs.get(SEARCH_INDEX_KEY))?.data).toEqual(bytes);
    expect(await reopened.compact()).toEqual(first);

    // A logged change makes the next compaction save, and the one after that has nothing to do again.
    const b = makeNote({ quote: 'new arrival' });
    await db.notes.put(b);
    await reopened.noteChanged(b.id);
    const second = await reopened.compact();
    expect(second.count).toBe(2);
    expect(second.savedAt).toBeGreaterThan(first.savedAt);
    expect(await reopened.compact()).toEqual(second);
    expect(await find(searchIndexRepository(db), 'arrival')).toEqual([b.id]);
  });

  it('saves after loading notes written behind its back, and after a rebuild', async () => {
    const writer = searchIndexRepository(db);
    await db.notes.put(makeNote({ quote: 'first', updatedAt: 1000 }));
    const first = await writer.compact();
    const late = makeNote({ quote: 'sneaky write', updatedAt: 5000 });
    await db.notes.put(late);
    const reader = searchIndexRepository(db);
    const caught = await reader.compact();
    expect(caught.count).toBe(2);
    expect(caught.maxUpdatedAt).toBe(5000);
    expect(caught).not.toEqual(first);
    // Rebuilt from the notes (benchmarks seed behind the hooks): always saved.
    await db.notes.put(makeNote({ quote: 'seeded', updatedAt: 100 }));
    await reader.rebuild();
    expect((await searchIndexRepository(db).open()).size).toBe(3);
  });
});
