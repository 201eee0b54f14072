import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { noteSummary } from '../digest/note-summary';
import { seedStore } from '../testing/digest-seed';
import { makeNote } from '../testing/make-note';
import { storedSummaries } from '../testing/stored-summaries';
import { SUMMARY_BUCKETS } from './note-summaries';
import { CommonplaceDb } from './schema';
import { BUCKET_COUNT, bucketOf } from './summary-bucket';
import { COMPACT_GROUP, compactSummaries } from './summary-fill';

/**
 * A compaction shares the summary log with every note write, so IndexedDB queues a harvest behind it: each of
 * its transactions must stay small however long the log is (issue 19: one transaction re-encoded all 128 buckets).
 */
let n = 0;
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/**
 * A store whose bucket writes are recorded per transaction (which buckets each one rewrote); `onBucketRead` runs
 * when a transaction reads buckets, i.e. while a compaction transaction is open.
 */
function openRecorded(onBucketRead = () => {}) {
  const db = new CommonplaceDb(`summary-compaction-${n++}`);
  dbs.push(db);
  const perTransaction = new Map<unknown, Set<number>>();
  const recorder: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'bucketWrites',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== SUMMARY_BUCKETS) return table;
        return {
          ...table,
          getMany(req) {
            onBucketRead();
            return table.getMany(req);
          },
          mutate(req) {
            if (req.type === 'put') {
              const seen = perTransaction.get(req.trans) ?? new Set<number>();
              for (const v of req.values as { b: number }[]) seen.add(v.b);
              perTransaction.set(req.trans, seen);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(recorder);
  return { db, perTransaction };
}

/** 5,000 notes with time-ordered ids, as a store holds them: their log rows land in every bucket. */
const seeded = () => seedStore(5000, Date.parse('2026-11-25T12:00:00Z'), 365, 5);

const inStep = async (db: CommonplaceDb) =>
  expect((await storedSummaries(db)).map(({ seq: _s, ...s }) => s)).toEqual(
    (await db.notes.orderBy('id').toArray()).map(noteSummary),
  );

describe('summary compaction', () => {
  it('rewrites a few buckets per transaction, however many the log spans', async () => {
    const { db, perTransaction } = openRecorded();
    const notes = seeded();
    await db.notes.bulkAdd(notes);
    expect(new Set(notes.map((x) => bucketOf(x.id))).size).toBe(BUCKET_COUNT); // the log spans every bucket
    expect(await db.summaryLog.count()).toBe(5000);
    await compactSummaries(db);
    const sizes = [...perTransaction.values()].map((s) => s.size);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(COMPACT_GROUP);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(BUCKET_COUNT); // each bucket rewritten once, none skipped
    expect(await db.summaryLog.count()).toBe(0);
    await inStep(db);
  });

  it('lets a note write issued during a compaction finish before the compaction does', async () => {
    const order: string[] = [];
    let harvest: Promise<unknown> | undefined;
    // Issued while the compaction's first transaction is open (its own, outside it), so IndexedDB queues it.
    const { db } = openRecorded(() => {
      harvest ??= Dexie.ignoreTransaction(() =>
        db.notes.put(makeNote({ takeaway: 'saved mid-compaction' })).then(() => order.push('harvest')),
      );
    });
    await db.notes.bulkAdd(seeded());
    await compactSummaries(db).then(() => order.push('compaction'));
    await harvest;
    expect(order).toEqual(['harvest', 'compaction']);
    await compactSummaries(db); // the harvest's own log row, left by a compaction already past its bucket
    expect(await db.summaryLog.count()).toBe(0);
    await inStep(db);
  });

  it('compacts log rows that carry no bucket number (written around the middleware)', async () => {
    const { db } = openRecorded();
    const note = makeNote();
    await db.notes.add(note);
    const [row] = await db.summaryLog.toArray();
    const { b: _b, ...stray } = row!;
    await db.summaryLog.put(stray as typeof row & object);
    await compactSummaries(db);
    expect(await db.summaryLog.count()).toBe(0);
    await inStep(db);
  });
});
