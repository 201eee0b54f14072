/**
 * Runs in a plain loopback page of Chromium (bundled by bench/summary-upgrade.ts): a v4 store of `n` notes, then
 * the real CommonplaceDb opens it, which runs the upgrade to v6 (it marks the summary fill due), and the fill that
 * follows in the background (summary-fill.ts), timed apart: the open is what every page waits for once.
 */
import Dexie from 'dexie';
import { CommonplaceDb } from '../lib/db/schema';
import { seedStore } from '../lib/testing/digest-seed';
import { compactChunk, fillNoteSummaries } from '../lib/db/summary-fill';
import { storedSummaries } from '../lib/testing/stored-summaries';
import { V4_STORES as V4 } from '../lib/testing/v4-stores';

/** A later import into the filled store: IMPORTED notes in the import's 500-note transactions. */
const IMPORTED = 5000;
async function importInBatches(db: Dexie, notes: ReturnType<typeof seedStore>): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < notes.length; i += 500) {
    await db.transaction('rw', db.table('notes'), () => db.table('notes').bulkPut(notes.slice(i, i + 500)));
  }
  return performance.now() - t;
}

async function run(n: number) {
  const name = `upgrade-${n}-${Date.now()}`;
  const v4 = new Dexie(name);
  v4.version(4).stores(V4);
  const notes = seedStore(n, Date.now(), 365, n);
  for (let i = 0; i < notes.length; i += 5000) await v4.table('notes').bulkAdd(notes.slice(i, i + 5000));
  // The floor for a later import: the same batches into the same store with no summaries to keep.
  const more = seedStore(IMPORTED, Date.now(), 30, n + 1);
  const importFloorMs = await importInBatches(v4, more);
  await v4.table('notes').bulkDelete(more.map((m) => m.id));
  v4.close();
  const t0 = performance.now();
  const db = new CommonplaceDb(name);
  await db.open();
  const upgradeMs = performance.now() - t0;
  const t2 = performance.now();
  await fillNoteSummaries(db);
  const fillMs = performance.now() - t2;
  const summaries = (await storedSummaries(db)).length;
  db.close();
  const t1 = performance.now();
  const again = new CommonplaceDb(name);
  await again.open();
  const openMs = performance.now() - t1;
  const importMs = await importInBatches(again, more);
  const t3 = performance.now();
  // Chunk by chunk (what compactSummaries does), timing each: a harvest waits for the longest at most.
  let compactMaxMs = 0;
  for (let isDone = false; !isDone;) {
    const t = performance.now();
    isDone = await compactChunk(again);
    compactMaxMs = Math.max(compactMaxMs, performance.now() - t);
  }
  const compactMs = performance.now() - t3;
  await again.delete();
  return { n, upgradeMs, fillMs, openMs, summaries, importMs, importFloorMs, compactMs, compactMaxMs };
}

/** The stores at Dexie v6 (the summary buckets and log, no `links.answers` index): a store from before v7. */
const V6 = { ...V4, summaryBuckets: 'b, seq', summaryLog: 'id, seq, b' };

/**
 * The v7 and v8 upgrades on a v6 store of `n` notes: IndexedDB builds the `links.answers` and `[kind+createdAt]`
 * indexes over every note in the open every page waits for once (a store at v7 builds only the second). Beside it, in the same store: a later open (no upgrade), and the floor of any
 * index added to it, a raw version change creating an index on a key path no note has (every row walked, no
 * entry written).
 */
async function runAnswersIndex(n: number) {
  const name = `answers-index-${n}-${Date.now()}`;
  const v6 = new Dexie(name);
  v6.version(6).stores(V6);
  const notes = seedStore(n, Date.now(), 365, n);
  for (let i = 0; i < notes.length; i += 5000) await v6.table('notes').bulkAdd(notes.slice(i, i + 5000));
  const answering = notes.filter((x) => x.links?.answers).length;
  v6.close();
  const t0 = performance.now();
  const db = new CommonplaceDb(name);
  await db.open();
  const upgradeMs = performance.now() - t0;
  const indexed = await db.notes.where('links.answers').above('').count();
  const version = db.backendDB().version;
  db.close();
  const t1 = performance.now();
  const again = new CommonplaceDb(name);
  await again.open();
  const openMs = performance.now() - t1;
  again.close();
  const floorMs = await new Promise<number>((resolve, reject) => {
    const t = performance.now();
    const req = indexedDB.open(name, version + 1);
    req.onupgradeneeded = () => req.transaction!.objectStore('notes').createIndex('bench-none', 'links.none');
    req.onsuccess = () => {
      req.result.close();
      resolve(performance.now() - t);
    };
    req.onerror = () => reject(req.error);
  });
  await Dexie.delete(name);
  return { n, upgradeMs, openMs, floorMs, answering, indexed };
}

(globalThis as unknown as { runUpgrade: typeof run }).runUpgrade = run;
(globalThis as unknown as { runAnswersIndex: typeof runAnswersIndex }).runAnswersIndex = runAnswersIndex;
