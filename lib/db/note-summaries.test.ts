import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { noteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { makeDraft, makeNote } from '../testing/make-note';
import { DIGEST_KEYS } from './digest-keys';
import { writeImport } from './import';
import { notesRepository } from './notes';
import { readNoteSummaries } from './summary-reads';
import { compactChunk, compactSummaries, fillChunk, fillNoteSummaries, isFillDue, restartFill } from './summary-fill';
import { storedSummaries } from '../testing/stored-summaries';
import { LIVE_RECOUNT_KEY, readLiveFingerprint, recountChunk, recountLiveFingerprint } from './live-fingerprint';
import { SimilarityIndex } from '../similarity';
import { CommonplaceDb } from './schema';

/**
 * The summary table is the digest's copy of every note: it must equal the summaries of the notes after every
 * write path (the repository's, import's, and the raw Dexie calls sync and leaving a community make), and a
 * write that takes back a live note's contribution must count a removal in the same transaction.
 */
let n = 0;
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
  const db = new CommonplaceDb(`note-summaries-${n++}`);
  dbs.push(db);
  return db;
};

/**
 * Summaries equal the notes', and the write numbers of written ones are distinct and within the store's counter.
 * While a fill is under way (after v6's upgrade or a rebuild) some notes have no entry yet: every entry there is
 * still equals its note's, and none is left for a note that is gone.
 */
async function expectInStep(db: CommonplaceDb) {
  const rows = await storedSummaries(db);
  const want = (await db.notes.orderBy('id').toArray()).map(noteSummary);
  const got = rows.map(({ seq: _s, ...summary }) => summary);
  if (await isFillDue(db)) {
    const byId = new Map(want.map((w) => [w.id, w]));
    for (const g of got) expect(g).toEqual(byId.get(g.id));
  } else expect(got).toEqual(want);
  // A fill numbers its entries 0: an index built before holds them already.
  const seqs = rows.map((r) => r.seq).filter((s) => s > 0);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(Math.max(0, ...seqs)).toBeLessThanOrEqual(((await db.kv.get(DIGEST_KEYS.seq))?.value as number) ?? 0);
  // The live notes' fingerprint, kept by the same middleware once counted, equals the one counted from the notes;
  // a recount under way holds that of the notes it has passed.
  const fingerprint = (notes: Note[]) => {
    const live = notes.filter((n) => n.deletedAt === undefined);
    return { count: live.length, sum: live.reduce((s, n) => SimilarityIndex.addToSum(s, n.updatedAt), 0) };
  };
  const recount = (await db.kv.get(LIVE_RECOUNT_KEY))?.value as { after: string } | undefined;
  if (recount) {
    const passed = await db.notes.where(':id').belowOrEqual(recount.after).toArray();
    expect(recount).toEqual({ ...fingerprint(passed), after: recount.after });
  }
  const kept = await readLiveFingerprint(db);
  if (kept) expect(kept).toEqual(fingerprint(await db.notes.toArray()));
}
const removals = async (db: CommonplaceDb) => ((await db.kv.get(DIGEST_KEYS.removals))?.value as number) ?? 0;

const OPS = [
  'create',
  'createMany',
  'update',
  'remove',
  'restore',
  'move',
  'import',
  'put',
  'bulkPut',
  'bulkAddDuplicate',
  'delete',
  'bulkDelete',
  'whereDelete',
  'modify',
  'clear',
  'refusedBatch',
  'restartFill',
  'fillChunk',
  'compactChunk',
  'recountChunk',
] as const;

describe('note summaries', () => {
  it('equal the notes after any sequence of write functions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...OPS), fc.nat()), { maxLength: 14 }), async (ops) => {
        const db = open();
        await recountLiveFingerprint(db); // the row the middleware keeps from then on
        let t = 1_000;
        const repo = notesRepository(db, () => (t += 10));
        for (const [op, pick] of ops) {
          const all = await db.notes.orderBy('id').toArray();
          const target = all.length ? all[pick % all.length]! : undefined;
          const cm = pick % 2 ? 'c1' : null;
          if (op === 'create') await repo.create(makeDraft({ kind: pick % 3 ? 'insight' : 'question' }));
          else if (op === 'createMany') await repo.createMany([makeDraft(), makeDraft({ kind: 'win' })]);
          else if (op === 'import')
            await writeImport(db, [makeNote({ communityId: cm }), makeNote()], [], { batchSize: 1 });
          else if (op === 'put') await db.notes.put(makeNote({ communityId: cm, createdAt: t }));
          else if (op === 'bulkPut') await db.notes.bulkPut([makeNote(), makeNote({ communityId: 'c2' })]);
          else if (op === 'bulkAddDuplicate' && target) {
            // bulkAdd keeps the rows that fit: the refused duplicate must not overwrite the stored note's summary.
            await db.notes.bulkAdd([makeNote(), { ...target, kind: 'story', createdAt: 1 }]).catch(() => {});
          } else if (op === 'whereDelete') await db.notes.where('communityId').equals('c1').delete();
          else if (op === 'modify') await db.notes.where('kind').equals('insight').modify({ kind: 'win' });
          else if (op === 'clear') await db.notes.clear();
          else if (op === 'refusedBatch') {
            await db
              .transaction('rw', db.notes, async () => {
                await db.notes.put(makeNote());
                throw new Error('refused');
              })
              .catch(() => {});
          } else if (op === 'restartFill') await restartFill(db);
          else if (op === 'fillChunk') await fillChunk(db, 1 + (pick % 3));
          else if (op === 'compactChunk') await compactChunk(db, 1 + (pick % 4));
          else if (op === 'recountChunk') await recountChunk(db, 1 + (pick % 3));
          else if (!target) continue;
          else if (op === 'update') await repo.update(target.id, { takeaway: `edited ${pick}`, kind: 'answer' });
          else if (op === 'remove') await repo.remove(target.id);
          else if (op === 'restore') await repo.restore(target.id);
          else if (op === 'move') await repo.moveToPage([target.id], `https://example.net/moved/${pick}`);
          else if (op === 'delete') await db.notes.delete(target.id);
          else if (op === 'bulkDelete') await db.notes.bulkDelete([target.id, 'no-such-note']);
          await expectInStep(db);
          expect(await readLiveFingerprint(db)).not.toBeNull();
        }
        await fillNoteSummaries(db);
        await expectInStep(db);
        expect(await isFillDue(db)).toBe(false);
        await compactSummaries(db);
        await expectInStep(db);
        await recountLiveFingerprint(db); // finishes a recount left under way, to the same fingerprint
        await expectInStep(db);
        expect(await db.kv.get(LIVE_RECOUNT_KEY)).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });

  it('count a removal when a live note is deleted, dropped or moved out of its week, and not otherwise', async () => {
    const db = open();
    const repo = notesRepository(db, () => 5_000);
    const a = makeNote({ communityId: 'c1' });
    const b = makeNote({ communityId: 'c1' });
    await db.notes.bulkAdd([a, b]);
    expect(await removals(db)).toBe(0);
    await repo.update(a.id, { takeaway: 'Only the words changed' });
    await db.notes.put({ ...b, kind: 'question', updatedAt: b.updatedAt + 1 });
    expect(await removals(db)).toBe(0);
    await repo.remove(a.id);
    expect(await removals(db)).toBe(1);
    await db.notes.delete(a.id); // a tombstone dropped takes back nothing more
    expect(await removals(db)).toBe(1);
    await db.notes.put({ ...b, createdAt: b.createdAt - 30 * 86_400_000 });
    expect(await removals(db)).toBe(2);
    await db.notes.where('communityId').equals('c1').delete();
    expect(await removals(db)).toBe(3);
  });

  it('number every write after the last, so a note stamped by an older clock still comes after', async () => {
    const db = open();
    const a = makeNote({ updatedAt: 5_000 });
    await db.notes.put(a);
    await db.notes.put(makeNote({ updatedAt: 10 })); // pulled: its author's clock is far behind
    await db.notes.delete(a.id);
    const late = makeNote({ updatedAt: 1 });
    await db.notes.put(late);
    const seqOf = async (id: string) => (await storedSummaries(db)).find((r) => r.id === id)?.seq;
    // Never reuses a number a dropped row had (the drop is numbered too: its log row hides the note's old entry).
    expect(await seqOf(late.id)).toBe(4);
    await db.notes.put({ ...late, sync: { isPending: false } }); // nothing the digest reads changed
    expect(await seqOf(late.id)).toBe(4);
    expect((await db.kv.get(DIGEST_KEYS.seq))?.value).toBe(4);
    await compactSummaries(db); // moved into the buckets, numbers kept
    expect(await seqOf(late.id)).toBe(4);
    expect(await db.summaryLog.count()).toBe(0);
  });

  it('are rebuilt from the notes when rows were written around Dexie', async () => {
    const db = open();
    await db.notes.bulkAdd(Array.from({ length: 4500 }, () => makeNote())); // read back in several chunks
    await db.summaryBuckets.clear(); // what a raw IndexedDB write of notes leaves
    expect((await readNoteSummaries(db)).rows).toHaveLength(4500);
    await expectInStep(db);
  });
});
