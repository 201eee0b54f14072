import 'fake-indexeddb/auto';
import Dexie, { type DBCore, type Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SimilarityIndex } from '../similarity';
import { seedStore } from '../testing/digest-seed';
import { makeNote } from '../testing/make-note';
import { LIVE_RECOUNT_KEY, readLiveFingerprint, recountLiveFingerprint } from './live-fingerprint';
import { CommonplaceDb } from './schema';

/**
 * Counting the live notes' fingerprint walks every note; a note write must not wait for the whole walk (issue 19:
 * one read-write transaction over 100k keys held each harvest issued meanwhile).
 */
let n = 0;
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A store that calls `onNotesRead` whenever notes are queried (the recount reads them a chunk at a time). */
function openWatched(onNotesRead: () => void) {
  const db = new CommonplaceDb(`live-recount-${n++}`);
  dbs.push(db);
  const watch: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'notesReads',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'notes') return table;
        return {
          ...table,
          query(req) {
            onNotesRead();
            return table.query(req);
          },
        };
      },
    }),
  };
  db.use(watch);
  return db;
}

const counted = async (db: CommonplaceDb) => {
  const live = (await db.notes.toArray()).filter((x) => x.deletedAt === undefined);
  return { count: live.length, sum: live.reduce((s, x) => SimilarityIndex.addToSum(s, x.updatedAt), 0) };
};

describe('live fingerprint recount', () => {
  it('lets a note write issued during a recount finish before the recount does, and counts it', async () => {
    const order: string[] = [];
    let isRecounting = false;
    let harvest: Promise<unknown> | undefined;
    const db = openWatched(() => {
      if (!isRecounting) return;
      // Issued while the recount's first transaction is open (its own, outside it), so IndexedDB queues it.
      harvest ??= Dexie.ignoreTransaction(() =>
        db.notes.put(makeNote({ takeaway: 'saved mid-recount' })).then(() => order.push('harvest')),
      );
    });
    const notes = seedStore(5000, Date.parse('2026-11-25T12:00:00Z'), 365, 9);
    await db.notes.bulkAdd(notes);
    await db.notes.bulkPut(notes.slice(0, 40).map((x) => ({ ...x, deletedAt: x.updatedAt + 1 }))); // tombstones
    isRecounting = true;
    const f = await recountLiveFingerprint(db).then((got) => (order.push('recount'), got));
    await harvest;
    expect(order).toEqual(['harvest', 'recount']);
    expect(f).toEqual(await counted(db)); // the harvest, landed between two chunks, is in the count
    expect(await readLiveFingerprint(db)).toEqual(f);
    expect(await db.kv.get(LIVE_RECOUNT_KEY)).toBeUndefined();
  });
});
