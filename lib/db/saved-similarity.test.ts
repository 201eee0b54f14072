import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { rankSimilar } from '../similarity';
import Dexie from 'dexie';
import { readsPerTransaction } from '../testing/reads-per-transaction';
import { notesRepository } from './notes';
import {
  newestUpdatedAt,
  savedSimilarity,
  SIMILARITY_DELTA_KEY,
  SIMILARITY_INDEX_KEY,
  SIMILARITY_PART_PREFIX,
  SIMILARITY_ROW_FORMAT,
} from './saved-similarity';
import { CommonplaceDb } from './schema';
import { SimilarityIndex } from '../similarity';
import { makeDraft } from '../testing/make-note';

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
    const row = (await db.blobs.get(SIMILARITY_INDEX_KEY))!.data as { format: number };
    expect(row.format).toBe(SIMILARITY_ROW_FORMAT);
    expect((await savedSimilarity(db).open()).isLoaded).toBe(true);
  });

  it('rebuilds, never misreads, a row saved before base + delta (format 2: one row, no format of its own)', async () => {
    await db.notes.bulkPut([note(1, 'the planner ignores the index'), note(2, 'warm caches hide cold starts')]);
    // A valid format-2 segment, but of other notes: read as a base it would answer with note 3.
    const other = SimilarityIndex.build([note(3, 'warm caches hide cold starts')]).save();
    await db.blobs.put({ key: SIMILARITY_INDEX_KEY, data: { seenUpdatedAt: 5000, index: other } });
    const opened = await savedSimilarity(db).open();
    expect(opened.isLoaded).toBe(false);
    expect(rankSimilar(opened.index, { quote: 'warm caches hide cold starts' }).map((m) => m.id)).toEqual([
      note(2, '').id,
    ]);
  });

  it('saves the notes changed since the base as a delta beside it (the base is not written again), and loads both', async () => {
    await db.notes.bulkPut([note(1, 'the planner ignores the index'), note(2, 'warm caches hide cold starts')]);
    const repo = savedSimilarity(db);
    const { index } = await repo.open();
    const base = await db.blobs.get(SIMILARITY_INDEX_KEY);
    const seen = await newestUpdatedAt(db);
    const added = note(3, 'cold starts hide behind warm caches', 500); // older: only the delta brings it back
    await db.notes.put(added);
    await db.notes.delete(note(1, '').id);
    index.upsert(added);
    index.remove(note(1, '').id);
    await repo.save(index, seen);
    expect(await db.blobs.get(SIMILARITY_INDEX_KEY)).toEqual(base);
    const delta = (await db.blobs.get(SIMILARITY_DELTA_KEY))!.data as {
      delta: { removed: string[]; rows: { size: number } };
    };
    expect(delta.delta.removed).toEqual([note(1, '').id]);
    expect(delta.delta.rows.size).toBe(1);
    const loaded = await savedSimilarity(db).open();
    expect(loaded.isLoaded).toBe(true);
    expect(loaded.index.size).toBe(2);
    expect(rankSimilar(loaded.index, { quote: 'cold starts hide behind warm caches' })[0]!.id).toBe(added.id);
  });

  it('merges a grown delta into a new base, and ignores a delta that names another base', async () => {
    await db.notes.bulkPut([note(1, 'the planner ignores the index'), note(2, 'warm caches hide cold starts')]);
    const repo = savedSimilarity(db);
    const { index } = await repo.open();
    const first = (await db.blobs.get(SIMILARITY_INDEX_KEY))!.data as { baseId: string };
    const added = note(3, 'cold starts hide behind warm caches', 500);
    await db.notes.put(added);
    index.upsert(added);
    await repo.save(index, 3000, 0); // past mergeAt: a whole save
    const second = (await db.blobs.get(SIMILARITY_INDEX_KEY))!.data as { baseId: string; shape: { size: number } };
    expect(second.baseId).not.toBe(first.baseId);
    expect(second.shape.size).toBe(3);
    expect((await savedSimilarity(db).open()).isLoaded).toBe(true);
    // A delta of another base (a save that lost a race, a restored profile): not replayed over this one.
    const stray = SimilarityIndex.build([note(1, 'x')]);
    stray.remove(note(2, '').id);
    await db.blobs.put({
      key: SIMILARITY_DELTA_KEY,
      data: { format: SIMILARITY_ROW_FORMAT, baseId: first.baseId, seenUpdatedAt: 0, delta: stray.saveDelta() },
    });
    const again = await savedSimilarity(db).open();
    expect(again.isLoaded).toBe(true);
    expect(again.index.size).toBe(3);
  });
});

describe('a note write beside the similarity index', () => {
  const seed = (db: CommonplaceDb, n: number) =>
    db.notes.bulkPut(Array.from({ length: n }, (_, i) => note(i + 1, `quote number ${i} about caches and planners`)));

  it('never queues behind a read of the whole notes table while the index is opened, loaded or built', async () => {
    await seed(db, 5000);
    const reads: number[] = [];
    const watched = new CommonplaceDb(db.name);
    watched.use(readsPerTransaction(reads));
    await savedSimilarity(watched, async () => undefined).open(); // built: no saved index yet
    expect(Math.max(...reads)).toBeLessThanOrEqual(2000);
    reads.length = 0;
    expect((await savedSimilarity(watched).open()).isLoaded).toBe(true); // loaded
    expect(Math.max(0, ...reads)).toBeLessThanOrEqual(2000);
    watched.close();
  });

  it('is acknowledged while the index is still being built from the notes', async () => {
    await seed(db, 5000);
    const watched = new CommonplaceDb(db.name);
    const reads: number[] = [];
    watched.use(readsPerTransaction(reads));
    const repo = notesRepository(watched);
    let created: Promise<number> | undefined;
    let read = 0;
    watched.notes.hook('reading', (n) => {
      // The build has read a hundred notes: the user clicks Save now (outside the build's transaction).
      if (++read === 100)
        created = Dexie.ignoreTransaction(() =>
          repo.create(makeDraft({ quote: 'saved during the build' })).then(() => reads.length),
        );
      return n;
    });
    const opened = await savedSimilarity(watched, async () => undefined).open();
    const readsWhenAcknowledged = await created!;
    // The build went on reading notes (new transactions) after the save was acknowledged: it never waited.
    expect(reads.length).toBeGreaterThan(readsWhenAcknowledged);
    expect(opened.isLoaded).toBe(false);
    watched.close();
  });
});

describe('the saved base, in parts', () => {
  const seed = (db: CommonplaceDb, n: number) =>
    db.notes.bulkPut(
      Array.from({ length: n }, (_, i) => note(i + 1, `quote ${i} about caches, planners and ${i % 97}`)),
    );
  const partKeys = async (db: CommonplaceDb) =>
    (await db.blobs.where('key').startsWith(SIMILARITY_PART_PREFIX).primaryKeys()).sort();

  it('is written as parts of at most partBytes, each read in a transaction of its own', async () => {
    await seed(db, 600);
    await savedSimilarity(db, async () => undefined, { partBytes: 4096 }).open();
    const keys = await partKeys(db);
    expect(keys.length).toBeGreaterThan(5);
    for (const row of await db.blobs.bulkGet(keys)) {
      const pieces = (row!.data as { pieces: ArrayBufferView[] }).pieces;
      expect(pieces.reduce((n, p) => n + p.byteLength, 0)).toBeLessThanOrEqual(4096);
    }
    // One part per transaction when it is read back: no read of the whole base that a write would wait for.
    const perTransaction: number[] = [];
    const watched = new CommonplaceDb(db.name);
    watched.use(readsPerTransaction(perTransaction, 'blobs'));
    expect((await savedSimilarity(watched, async () => undefined, { partBytes: 4096 }).open()).isLoaded).toBe(true);
    expect(perTransaction.length).toBeGreaterThan(keys.length);
    expect(Math.max(...perTransaction)).toBeLessThanOrEqual(2); // the head and the delta, or one part
    watched.close();
  });

  it('lets a Save clicked while a fresh worker reads it back be acknowledged before the read is done', async () => {
    await seed(db, 600);
    await savedSimilarity(db, async () => undefined, { partBytes: 4096 }).open();
    const total = (await partKeys(db)).length;
    const watched = new CommonplaceDb(db.name);
    const repo = notesRepository(watched);
    let partsRead = 0;
    let created: Promise<number> | undefined;
    watched.blobs.hook('reading', (row) => {
      if (String(row.key).startsWith(SIMILARITY_PART_PREFIX) && ++partsRead === 1) {
        created = Dexie.ignoreTransaction(() =>
          repo.create(makeDraft({ quote: 'saved while the base is read' })).then(() => partsRead),
        );
      }
      return row;
    });
    const opened = await savedSimilarity(watched, undefined, { partBytes: 4096 }).open();
    expect(created).toBeDefined();
    expect(await created!).toBeLessThan(total);
    expect(opened.isLoaded).toBe(true);
    expect(opened.index.size).toBe(601); // the note saved meanwhile is folded in
    watched.close();
  });

  it('rebuilds, never misreads, a base with a part missing, and drops the parts of older bases', async () => {
    await seed(db, 300);
    const repo = savedSimilarity(db, async () => undefined, { partBytes: 2048 });
    const { index } = await repo.open();
    const first = await partKeys(db);
    await repo.saveWhole(index, await newestUpdatedAt(db));
    const second = await partKeys(db);
    expect(second.length).toBe(first.length);
    expect(second.some((k) => first.includes(k))).toBe(false);
    await db.blobs.delete(second[1]!);
    const opened = await savedSimilarity(db, async () => undefined, { partBytes: 2048 }).open();
    expect(opened.isLoaded).toBe(false);
    expect(opened.index.size).toBe(300);
    expect((await savedSimilarity(db, async () => undefined, { partBytes: 2048 }).open()).isLoaded).toBe(true);
  });

  it('rebuilds, never misreads, a base saved whole in one row (format 3)', async () => {
    await db.notes.bulkPut([note(1, 'the planner ignores the index'), note(2, 'warm caches hide cold starts')]);
    // A valid segment of other notes, as format 3 kept it: read as a base it would answer with note 3.
    const other = SimilarityIndex.build([note(3, 'warm caches hide cold starts')]);
    other.startWholeSave();
    await db.blobs.bulkPut([
      { key: SIMILARITY_INDEX_KEY, data: { format: 3, baseId: 'b', seenUpdatedAt: 5000, index: other.save() } },
      { key: SIMILARITY_DELTA_KEY, data: { format: 3, baseId: 'b', seenUpdatedAt: 5000, delta: other.saveDelta() } },
    ]);
    const opened = await savedSimilarity(db).open();
    expect(opened.isLoaded).toBe(false);
    expect(rankSimilar(opened.index, { quote: 'warm caches hide cold starts' }).map((m) => m.id)).toEqual([
      note(2, '').id,
    ]);
  });
});
