import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { rankSimilar } from '../similarity';
import { newestUpdatedAt, savedSimilarity, SIMILARITY_INDEX_KEY } from './saved-similarity';
import { CommonplaceDb } from './schema';

let db: CommonplaceDb;
beforeEach(async () => {
  db = new CommonplaceDb(`sim-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const note = (i: number, quote: string, updatedAt = 1000 + i) =>
  makeNote({ id: `0190c000-0000-7000-8000-${String(i).padStart(12, '0')}`, quote, updatedAt });

describe('the saved similarity index', () => {
  it('is built and saved once, then loaded without reading a note', async () => {
    await db.notes.bulkPut([
      note(1, 'the planner ignores the index on small tables'),
      note(2, 'warm caches hide cold starts'),
    ]);
    const first = await savedSimilarity(db).open();
    expect(first.isLoaded).toBe(false);
    let reads = 0;
    db.notes.hook('reading', (n) => (reads++, n));
    const second = await savedSimilarity(db).open();
    expect(second.isLoaded).toBe(true);
    expect(reads).toBe(0);
    const draft = { quote: 'the planner ignores the index on small tables' };
    expect(rankSimilar(second.index, draft)).toEqual(rankSimilar(first.index, draft));
    expect(rankSimilar(second.index, draft)[0]!.id).toBe(note(1, '').id);
  });

  it.each([
    ['a newer note added', true, async () => void (await db.notes.put(note(3, 'cold starts hide behind warm caches')))],
    ['a note purged', false, async () => void (await db.notes.delete(note(2, '').id))],
    [
      'a note replaced by an older version (a sync merge)',
      false,
      async () => void (await db.notes.put(note(2, 'cold starts hide behind warm caches', 500))),
    ],
  ])('answers from the notes as they are after %s behind its back', async (_, isLoaded, change) => {
    await db.notes.bulkPut([
      note(1, 'the planner ignores the index on small tables'),
      note(2, 'warm caches hide cold starts'),
    ]);
    await savedSimilarity(db).open();
    await change();
    const again = await savedSimilarity(db).open();
    expect(again.isLoaded).toBe(isLoaded);
    const ids = rankSimilar(again.index, { quote: 'cold starts hide behind warm caches' }, { minWordScore: 0.9 }).map(
      (m) => m.id,
    );
    const live = (await db.notes.toArray()).filter((n) => n.quote === 'cold starts hide behind warm caches');
    expect(ids).toEqual(live.map((n) => n.id));
    expect(again.index.size).toBe(await db.notes.count());
  });

  it('folds in notes written after it was saved, and still loads', async () => {
    await db.notes.put(note(1, 'the planner ignores the index on small tables'));
    await savedSimilarity(db).open();
    await db.notes.put(note(2, 'warm caches hide cold starts', 9000)); // newer than anything saved
    let reads = 0;
    db.notes.hook('reading', (n) => (reads++, n));
    const loaded = await savedSimilarity(db).open();
    expect(loaded.isLoaded).toBe(true);
    expect(reads).toBe(1);
    expect(rankSimilar(loaded.index, { quote: 'warm caches hide cold starts' })[0]!.id).toBe(note(2, '').id);
  });

  it('loads what was saved after changes folded in, under the newest time read before them', async () => {
    await db.notes.put(note(1, 'the planner ignores the index on small tables'));
    const repo = savedSimilarity(db);
    const { index } = await repo.open();
    const seen = await newestUpdatedAt(db);
    await db.notes.put(note(2, 'warm caches hide cold starts', 500)); // older than the newest: only the fold saves it
    index.upsert((await db.notes.get(note(2, '').id))!);
    await repo.save(index, seen);
    const loaded = await savedSimilarity(db).open();
    expect(loaded.isLoaded).toBe(true);
    expect(loaded.index.size).toBe(2);
  });

  it('counts tombstones out, as the index does', async () => {
    await db.notes.bulkPut([note(1, 'the planner ignores the index'), { ...note(2, 'gone'), deletedAt: 1 }]);
    await savedSimilarity(db).open();
    expect((await savedSimilarity(db).open()).isLoaded).toBe(true);
  });

  it('rebuilds, never misreads, a row saved in the older format (arrays of strings, format 1)', async () => {
    await db.notes.bulkPut([
      note(1, 'the planner ignores the index on small tables'),
      note(2, 'warm caches hide cold starts'),
    ]);
    // The row as the previous release wrote it: note 2's slot holds note 1's words, so misreading it shows.
    const old = {
      format: 1,
      words: ['warm', 'caches', 'hide', 'cold', 'starts'],
      ids: [note(1, '').id, note(2, '').id],
      kinds: ['insight', 'insight'],
      updatedAt: Float64Array.from([1001, 1002]),
      pageKeys: [undefined, undefined],
      threadKeys: [undefined, undefined],
      quoteKeys: [undefined, undefined],
      termCounts: Uint32Array.from([5, 0]),
      termData: Uint32Array.from([0, 1, 2, 3, 4]),
    };
    await db.blobs.put({ key: SIMILARITY_INDEX_KEY, data: { seenUpdatedAt: 1002, index: old } });
    const opened = await savedSimilarity(db).open();
    expect(opened.isLoaded).toBe(false);
    expect(rankSimilar(opened.index, { quote: 'warm caches hide cold starts' })[0]!.id).toBe(note(2, '').id);
    const row = (await db.blobs.get(SIMILARITY_INDEX_KEY))!.data as { index: { format: number } };
    expect(row.index.format).toBe(2);
    expect((await savedSimilarity(db).open()).isLoaded).toBe(true);
  });
});
