import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeDraft, makeNote } from '../testing/make-note';
import { joinCommunityForTest } from '../testing/membership';
import { answer, question, T0 } from '../testing/questions';
import { readsPerTransaction } from '../testing/reads-per-transaction';
import { KIND_READ_CHUNK, notesOfKinds } from './notes-of-kinds';
import { notesRepository } from './notes';
import { loadQuestionBoard } from './question-board';
import { CommonplaceDb } from './schema';
import { liveTagCounts } from './tag-counts';

/**
 * The background's upkeep after a harvest (the question board, issue 16) and a worker's first tag suggestions
 * read many notes. bench:harvest trace=1 at 100k found the next Save queued behind them (issue 19): the board's
 * cursor over every question and answer, one read-only transaction of 16-19 s; the tag counts' unique-key
 * cursor, 3.5 s. Each now reads a bounded chunk per transaction, so a Save waits for one chunk at most.
 */
let db: CommonplaceDb;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommonplaceDb(`upkeep-${Math.random()}`);
  await db.open();
  await joinCommunityForTest(db);
});
afterEach(async () => {
  await db.delete();
});

const N = 5000;
const seedQuestions = async () => {
  const qs = Array.from({ length: N / 2 }, (_, i) => question(`m${i % 40}`, { quote: `How do we rotate key ${i}?` }));
  await db.notes.bulkAdd([...qs, ...qs.map((q, i) => answer(q, `m${(i + 1) % 40}`, T0 + i))]);
};

/** Starts a Save (outside any transaction) once `watched` has read `after` rows; resolves to the reads by then. */
function saveDuring(watched: CommonplaceDb, reads: number[], after: number): () => Promise<number> | undefined {
  let read = 0;
  let created: Promise<number> | undefined;
  watched.notes.hook('reading', (n) => {
    if (++read === after) {
      created = Dexie.ignoreTransaction(() =>
        notesRepository(watched)
          .create(makeDraft({ quote: 'saved during the upkeep' }))
          .then(() => reads.length),
      );
    }
    return n;
  });
  return () => created;
}

describe('a Save beside the background upkeep', () => {
  it('never queues behind a read of every question and answer: the board reads a chunk per transaction', async () => {
    await seedQuestions();
    const reads: number[] = [];
    const watched = new CommonplaceDb(db.name);
    // Rows, not keys: the ids come first from the kind index, keys only (a few bytes each, no note decoded).
    watched.use(readsPerTransaction(reads, 'notes', false));
    const created = saveDuring(watched, reads, 100);
    const board = await loadQuestionBoard(watched, T0 + 1000);
    expect(Math.max(...reads)).toBeLessThanOrEqual(KIND_READ_CHUNK);
    // The board went on reading (new transactions) after the Save was acknowledged: it never waited for all of it.
    expect(reads.length).toBeGreaterThan(await created()!);
    expect(board).toEqual(await loadQuestionBoard(db, T0 + 1000));
    watched.close();
  });

  it('reads the same notes, in the same order, as the kind index walked whole', async () => {
    const qs = Array.from({ length: 300 }, (_, i) => question(`m${i % 7}`, { quote: `Who owns alert ${i}?` }));
    await db.notes.bulkAdd([...qs, ...qs.map((q, i) => answer(q, `m${(i + 1) % 7}`, T0 + i))]);
    await db.notes.bulkAdd([makeNote({ kind: 'insight' }), { ...question('zed'), deletedAt: T0 }]);
    const whole = await db.notes.where('kind').anyOf('question', 'answer').toArray();
    expect(await notesOfKinds(db, ['question', 'answer'], 70)).toEqual(whole);
  });

  it('counts tags on first use without one long read of the tag index', async () => {
    const tags = Array.from({ length: 400 }, (_, i) => `tag-${i}`);
    await db.notes.bulkAdd(Array.from({ length: 2000 }, (_, i) => makeNote({ tags: [tags[i % 400]!, 'common'] })));
    const reads: number[] = [];
    const watched = new CommonplaceDb(db.name);
    watched.use(readsPerTransaction(reads));
    const top = await liveTagCounts(watched).top(5);
    expect(top[0]).toEqual({ tag: 'common', count: 2000 });
    // The unique-key cursor stepped over all 401 distinct tags in one transaction; now each read is one tag's.
    expect(Math.max(...reads)).toBeLessThanOrEqual(2000);
    expect(reads.filter((n) => n > 5).length).toBe(1); // only 'common' has more than 5 notes
    watched.close();
  });
});
