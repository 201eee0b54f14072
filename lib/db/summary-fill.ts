/**
 * Writing the summary buckets, always off the critical path. Compaction moves the log rows note writes add
 * (note-summaries.ts) into the buckets, many at once, so a bucket is rewritten once per compaction rather than
 * once per write transaction. The fill builds the buckets from the notes after v6's upgrade (which only marks it
 * due, so opening a big store stays cheap) or a rebuild. Both work a chunk at a time, each chunk in its own short
 * transaction (a compaction's bounded to a few buckets), so a harvest waits for one chunk at most.
 */
import { noteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import {
  counter,
  isFilling,
  isGone,
  isLayoutCurrent,
  SUMMARY_BUCKETS,
  SUMMARY_LOG,
  type LoggedSummary,
  type SummaryLogRow,
} from './note-summaries';
import type { CommonplaceDb } from './schema';
import { BUCKET_FORMAT, bucketEntries, bucketOf, encodeBucket, type SummaryBucketRow } from './summary-bucket';

const CHUNK = 5000;
/** Log rows a cold digest reads one by one before the background compacts them (a few tens of ms in Chromium). */
export const COMPACT_AT = 2000;
/** Log rows per compaction transaction at most (a group's share of a 20k-row import is ~1,250). */
const COMPACT_CHUNK = 5000;
/** Buckets per compaction transaction: 1 of 16, so a write queued behind one waits for 1/16 of the notes at most. */
export const COMPACT_GROUP = 1;
const GROUP = COMPACT_GROUP;

interface FillState {
  after: string;
}

const tables = (db: CommonplaceDb) => ({
  buckets: db.table<SummaryBucketRow, number>(SUMMARY_BUCKETS),
  log: db.table<SummaryLogRow, string>(SUMMARY_LOG),
});

/** Whether some notes may still lack their summary, or the bucket rows may be of another layout. */
export async function isFillDue(db: CommonplaceDb): Promise<boolean> {
  const [fill, layout] = await db.kv.bulkGet([DIGEST_KEYS.fill, DIGEST_KEYS.layout]);
  return isFilling(fill) || !isLayoutCurrent(layout);
}

/** Whether enough log rows wait that a cold digest would notice them. */
export async function isCompactionDue(db: CommonplaceDb): Promise<boolean> {
  return (await tables(db).log.count()) >= COMPACT_AT;
}

/** Moves every log row into the buckets, a few buckets per transaction. */
export async function compactSummaries(db: CommonplaceDb, chunk = COMPACT_CHUNK): Promise<void> {
  while (!(await compactChunk(db, chunk)));
}

/**
 * Moves up to `chunk` log rows into their buckets in one transaction, all of one group of GROUP buckets (the
 * first group holding any); true when the log is empty. A note write also writes the log, so IndexedDB queues it
 * behind this transaction: bounding it by buckets, not only rows, keeps that wait to re-encoding GROUP buckets
 * (a transaction over all 5k rows of an import touched all 128 and held a harvest for seconds at 50k, issue 19).
 */
export async function compactChunk(db: CommonplaceDb, chunk = COMPACT_CHUNK): Promise<boolean> {
  const { buckets, log } = tables(db);
  return db.transaction('rw', [buckets, log, db.kv], async () => {
    // Rows of another layout are never merged into: the fill starts them over (and takes the log with it).
    if (!isLayoutCurrent(await db.kv.get(DIGEST_KEYS.layout))) return true;
    const first = await log.orderBy('b').first();
    if (!first) {
      // Rows without a bucket number (written around Dexie) get theirs, to be compacted like the rest.
      const strays = await log.limit(chunk).toArray();
      await log.bulkPut(strays.map((r) => ({ ...r, b: bucketOf(r.id) })));
      return strays.length === 0;
    }
    const from = first.b - (first.b % GROUP);
    const rows = await log
      .where('b')
      .between(from, from + GROUP)
      .limit(chunk)
      .toArray();
    await putInBuckets(db, rows, true);
    await log.bulkDelete(rows.map((r) => r.id));
    return (await log.count()) === 0;
  });
}

/**
 * Puts `rows` into their buckets, each bucket read and written once. A compaction's rows replace what a bucket
 * holds (they are newer); a fill's are added only where a bucket holds nothing for the note yet.
 */
async function putInBuckets(db: CommonplaceDb, rows: LoggedSummary[], isNewer: boolean): Promise<void> {
  const { buckets } = tables(db);
  const byBucket = new Map<number, LoggedSummary[]>();
  for (const r of rows) {
    const b = bucketOf(r.id);
    const list = byBucket.get(b);
    if (list) list.push(r);
    else byBucket.set(b, [r]);
  }
  const nos = [...byBucket.keys()];
  const stored = await buckets.bulkGet(nos);
  const out = nos.map((b, i) => {
    const entries = bucketEntries(stored[i]);
    for (const r of byBucket.get(b)!) {
      if (isGone(r)) entries.delete(r.id);
      else if (isNewer || !entries.has(r.id)) entries.set(r.id, r);
    }
    return encodeBucket(b, entries.values());
  });
  await buckets.bulkPut(out);
}

/** Runs the fill to its end (or returns at once when there is none), chunk by chunk. Safe to run twice at once. */
export async function fillNoteSummaries(db: CommonplaceDb, chunk = CHUNK): Promise<void> {
  while (!(await fillChunk(db, chunk)));
}

/**
 * One chunk of the fill in one transaction; true when the fill is done. A note with a log row, or already in its
 * bucket, was written since the fill began (or filled already): that row is current and is left alone. Entries
 * the fill adds carry write number 0, since every index in use was built from the full notes (summary-reads.ts
 * reads them while the fill runs) and so already holds them.
 */
export async function fillChunk(db: CommonplaceDb, chunk = CHUNK): Promise<boolean> {
  const { buckets, log } = tables(db);
  return db.transaction('rw', [db.notes, buckets, log, db.kv], async () => {
    const [fillRow, layoutRow] = await db.kv.bulkGet([DIGEST_KEYS.fill, DIGEST_KEYS.layout]);
    let state = fillRow?.value as FillState | undefined;
    // Rows of another layout (or a store from before the marker) are dropped and filled again from the notes.
    if (!isLayoutCurrent(layoutRow)) {
      await restartFill(db);
      state = { after: '' };
    } else if (!isFilling(state)) return true;
    const after = typeof state?.after === 'string' ? state.after : '';
    const notes: Note[] = await db.notes.where(':id').above(after).limit(chunk).toArray();
    const logged = await log.bulkGet(notes.map((n) => n.id));
    const rows = notes.filter((_, i) => !logged[i]).map((n) => ({ ...noteSummary(n), seq: 0 }));
    await putInBuckets(db, rows, false);
    const isDone = notes.length < chunk;
    if (isDone) await db.kv.delete(DIGEST_KEYS.fill);
    else await db.kv.put({ key: DIGEST_KEYS.fill, value: { after: notes[notes.length - 1]!.id } });
    return isDone;
  });
}

/**
 * Starts the fill over from nothing: buckets and log emptied, in this code's layout, and a removal counted so any
 * index built from them is rebuilt (from the notes, until the fill is done).
 */
export async function restartFill(db: CommonplaceDb): Promise<void> {
  const { buckets, log } = tables(db);
  await db.transaction('rw', [buckets, log, db.kv], async () => {
    const removals = counter(await db.kv.get(DIGEST_KEYS.removals));
    await Promise.all([buckets.clear(), log.clear()]);
    await db.kv.bulkPut([
      { key: DIGEST_KEYS.fill, value: { after: '' } },
      { key: DIGEST_KEYS.removals, value: removals + 1 },
      { key: DIGEST_KEYS.layout, value: BUCKET_FORMAT },
    ]);
  });
}
