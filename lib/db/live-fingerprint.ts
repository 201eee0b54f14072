import type { NoteSummary } from '../digest/note-summary';
import { SimilarityIndex } from '../similarity';
import type { CommonplaceDb } from './schema';

/**
 * kv key of the live notes' fingerprint, `{ count, sum }`: how many notes are live (no tombstone) and the sum of
 * their updatedAt modulo a prime (SimilarityIndex.addToSum). The notes middleware (note-summaries.ts) keeps it
 * in the same transaction as every note write, so checking a loaded similarity index against the table is one
 * small read instead of a pass over every note's key, which held up the note write queued behind it (issue 19).
 */
export const LIVE_FINGERPRINT_KEY = 'similarity:live';

export interface LiveFingerprint {
  count: number;
  sum: number;
}

/** Whether a kv row holds a fingerprint (absent on a store that never counted, or written by someone else). */
export function isLiveFingerprint(v: unknown): v is LiveFingerprint {
  const f = v as LiveFingerprint | undefined;
  return typeof f?.count === 'number' && typeof f.sum === 'number';
}

/** `f` after the notes `before` became `after` (undefined: no such note), each pair one note. */
export function foldFingerprint(
  f: LiveFingerprint,
  changes: Iterable<[NoteSummary | undefined, NoteSummary | undefined]>,
): LiveFingerprint {
  let { count, sum } = f;
  for (const [before, after] of changes) {
    if (before && before.deletedAt === undefined) {
      count--;
      sum = SimilarityIndex.addToSum(sum, -before.updatedAt);
    }
    if (after && after.deletedAt === undefined) {
      count++;
      sum = SimilarityIndex.addToSum(sum, after.updatedAt);
    }
  }
  return { count, sum };
}

/** The fingerprint the middleware keeps, or null where none is kept yet (`recountLiveFingerprint` starts it). */
export async function readLiveFingerprint(db: CommonplaceDb): Promise<LiveFingerprint | null> {
  const v = (await db.kv.get(LIVE_FINGERPRINT_KEY))?.value;
  return isLiveFingerprint(v) ? v : null;
}

/**
 * kv key of a recount under way, `{ after, count, sum }`: the fingerprint of the notes whose id is at most
 * `after`. The recount reads the notes a chunk at a time, each chunk in its own short transaction; the notes
 * middleware folds every write to a note it has already passed into this row, in the write's own transaction, so
 * no write landing between two chunks is missed or counted twice. It also lets a recount cut short (the service
 * worker stopped) go on where it was.
 */
export const LIVE_RECOUNT_KEY = 'similarity:live:recount';

export interface LiveRecount extends LiveFingerprint {
  after: string;
}

export function isLiveRecount(v: unknown): v is LiveRecount {
  return isLiveFingerprint(v) && typeof (v as LiveRecount).after === 'string';
}

/** `r` after this write's changes to the notes it already counted (the others it counts when it gets there). */
export function foldIntoRecount(
  r: LiveRecount,
  changes: Map<string, [NoteSummary | undefined, NoteSummary | undefined]>,
): LiveRecount {
  const passed = [...changes].filter(([id]) => id <= r.after).map(([, pair]) => pair);
  return { ...foldFingerprint(r, passed), after: r.after };
}

/** Notes per recount transaction: a note write queued behind one waits for this many reads at most. */
const RECOUNT_CHUNK = 2000;

/**
 * Counts the fingerprint from the table and stores it; from then on the middleware keeps it. Needed once per
 * store, and again only when rows were written around Dexie (a seeding script), which a loaded index's
 * disagreement reveals. It walks the notes a chunk per transaction: one read-write transaction over 100k notes'
 * keys held every harvest issued meanwhile until it ended (issue 19).
 */
export async function recountLiveFingerprint(db: CommonplaceDb, chunk = RECOUNT_CHUNK): Promise<LiveFingerprint> {
  for (;;) {
    const f = await recountChunk(db, chunk);
    if (f) return f;
  }
}

/** One chunk of the recount in one transaction (starting one where none is under way); the fingerprint once done. */
export async function recountChunk(db: CommonplaceDb, chunk = RECOUNT_CHUNK): Promise<LiveFingerprint | null> {
  return db.transaction('rw', [db.notes, db.kv], async () => {
    const state = (await db.kv.get(LIVE_RECOUNT_KEY))?.value;
    let { after, count, sum } = isLiveRecount(state) ? state : { after: '', count: 0, sum: 0 };
    const notes = await db.notes.where(':id').above(after).limit(chunk).toArray();
    for (const n of notes) {
      if (n.deletedAt !== undefined) continue;
      count++;
      sum = SimilarityIndex.addToSum(sum, n.updatedAt);
    }
    if (notes.length < chunk) {
      const f = { count, sum };
      await db.kv.put({ key: LIVE_FINGERPRINT_KEY, value: f });
      await db.kv.delete(LIVE_RECOUNT_KEY);
      return f;
    }
    after = notes[notes.length - 1]!.id;
    await db.kv.put({ key: LIVE_RECOUNT_KEY, value: { after, count, sum } });
    return null;
  });
}
