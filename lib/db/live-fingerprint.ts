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
 * Counts the fingerprint from the table and stores it, in one read-write transaction so no write lands between
 * the count and the row (from then on the middleware keeps it). Two bulk reads, not a cursor: every updatedAt
 * key in one getAllKeys, and the tombstones. Needed once per store, and again only when rows were written
 * around Dexie (a seeding script), which a loaded index's disagreement reveals.
 */
export async function recountLiveFingerprint(db: CommonplaceDb): Promise<LiveFingerprint> {
  return db.transaction('rw', [db.notes, db.kv], async () => {
    let count = 0;
    let sum = 0;
    for (const k of await db.notes.orderBy('updatedAt').keys()) {
      count++;
      sum = SimilarityIndex.addToSum(sum, Number(k));
    }
    for (const n of await db.notes.where('deletedAt').above(-Infinity).toArray()) {
      count--;
      sum = SimilarityIndex.addToSum(sum, -n.updatedAt);
    }
    const f = { count, sum };
    await db.kv.put({ key: LIVE_FINGERPRINT_KEY, value: f });
    return f;
  });
}
