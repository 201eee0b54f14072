/**
 * Filling the summary buckets from the notes, off the critical path: after v6's upgrade (which only marks the
 * fill due, so opening a big store stays cheap) or a rebuild. A chunk of notes at a time, each in its own short
 * transaction, so a harvest waits for one chunk at most. A note that already has an entry was written since
 * (the middleware keeps it current): the fill never overwrites it. Entries the fill adds carry write number 0,
 * since every index in use was built from the full notes (summary-reads.ts falls back to them while the fill
 * runs) and so already holds them.
 */
import { noteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import { counter, isFilling, SUMMARY_BUCKETS } from './note-summaries';
import type { CommonplaceDb } from './schema';
import { bucketEntries, bucketOf, encodeBucket, type SummaryBucketRow } from './summary-bucket';

const CHUNK = 5000;

interface FillState {
  after: string;
}

/** Whether some notes may still lack their summary. */
export async function isFillDue(db: CommonplaceDb): Promise<boolean> {
  return isFilling(await db.kv.get(DIGEST_KEYS.fill));
}

/** Runs the fill to its end (or returns at once when there is none), chunk by chunk. Safe to run twice at once. */
export async function fillNoteSummaries(db: CommonplaceDb, chunk = CHUNK): Promise<void> {
  while (!(await fillChunk(db, chunk)));
}

/** One chunk of the fill in one transaction; true when the fill is done. */
export async function fillChunk(db: CommonplaceDb, chunk = CHUNK): Promise<boolean> {
  const buckets = db.table<SummaryBucketRow, number>(SUMMARY_BUCKETS);
  return db.transaction('rw', [db.notes, buckets, db.kv], async () => {
    const state = (await db.kv.get(DIGEST_KEYS.fill))?.value as FillState | undefined;
    if (!isFilling(state)) return true;
    const after = typeof state?.after === 'string' ? state.after : '';
    const notes: Note[] = await db.notes.where(':id').above(after).limit(chunk).toArray();
    const byBucket = new Map<number, Note[]>();
    for (const n of notes) {
      const b = bucketOf(n.id);
      const list = byBucket.get(b);
      if (list) list.push(n);
      else byBucket.set(b, [n]);
    }
    const nos = [...byBucket.keys()];
    const stored = await buckets.bulkGet(nos);
    const rows = nos.map((b, i) => {
      const entries = bucketEntries(stored[i]);
      for (const n of byBucket.get(b)!) if (!entries.has(n.id)) entries.set(n.id, { ...noteSummary(n), seq: 0 });
      return encodeBucket(b, entries.values());
    });
    await buckets.bulkPut(rows);
    const isDone = notes.length < chunk;
    if (isDone) await db.kv.delete(DIGEST_KEYS.fill);
    else await db.kv.put({ key: DIGEST_KEYS.fill, value: { after: notes[notes.length - 1]!.id } });
    return isDone;
  });
}

/**
 * Starts the fill over from nothing: the buckets emptied, and a removal counted so any index built from them is
 * rebuilt (from the notes, until the fill is done).
 */
export async function restartFill(db: CommonplaceDb): Promise<void> {
  const buckets = db.table(SUMMARY_BUCKETS);
  await db.transaction('rw', [buckets, db.kv], async () => {
    const removals = counter(await db.kv.get(DIGEST_KEYS.removals));
    await buckets.clear();
    await db.kv.bulkPut([
      { key: DIGEST_KEYS.fill, value: { after: '' } },
      { key: DIGEST_KEYS.removals, value: removals + 1 },
    ]);
  });
}
