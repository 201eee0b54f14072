import { SimilarityIndex, type SavedSimilarityIndex } from '../similarity';
import type { Note } from '../model';
import type { CommonplaceDb } from './schema';

export const SIMILARITY_INDEX_KEY = 'similarity-index';

interface SavedRow {
  /** Newest updatedAt in the notes table when saved: notes written after it are folded in at load. */
  seenUpdatedAt: number;
  index: SavedSimilarityIndex;
}

/**
 * The live notes' fingerprint as the notes table has it: how many, and the sum of their updatedAt modulo a
 * prime (exact in doubles, whatever the order of summing). One key-only pass over the updatedAt index, minus
 * the tombstones (read, usually few). A loaded index must show the same fingerprint (SimilarityIndex
 * .fingerprint) or it is rebuilt: a note added, deleted, purged or merged where no hook saw it changes one.
 */
export async function liveNotesFingerprint(db: CommonplaceDb): Promise<{ count: number; sum: number }> {
  let count = 0;
  let sum = 0;
  await db.notes.orderBy('updatedAt').eachKey((k) => {
    count++;
    sum = SimilarityIndex.addToSum(sum, Number(k));
  });
  await db.notes
    .where('deletedAt')
    .above(-Infinity)
    .each((n) => {
      count--;
      sum = SimilarityIndex.addToSum(sum, -n.updatedAt);
    });
  return { count, sum };
}

/**
 * The similarity index kept on disk: loaded at a service worker's first harvest, with the notes written since
 * it was saved folded in, instead of rebuilt from every note (seconds of CPU at 100k notes); rebuilt only
 * when it then disagrees with the notes table's fingerprint.
 */
export function savedSimilarity(db: CommonplaceDb) {
  async function build(): Promise<SimilarityIndex> {
    const live: Note[] = [];
    await db.notes.each((n) => {
      if (n.deletedAt === undefined) live.push(n);
    });
    return SimilarityIndex.build(live);
  }

  async function loadSaved(): Promise<SimilarityIndex | null> {
    const saved = (await db.blobs.get(SIMILARITY_INDEX_KEY))?.data as SavedRow | undefined;
    if (!saved?.index) return null;
    let index: SimilarityIndex;
    try {
      index = SimilarityIndex.load(saved.index);
    } catch {
      return null; // an older format or a damaged row
    }
    for (const n of await db.notes.where('updatedAt').above(saved.seenUpdatedAt).toArray()) index.upsert(n);
    const table = await liveNotesFingerprint(db);
    const own = index.fingerprint();
    return own.count === table.count && own.sum === table.sum ? index : null;
  }

  return {
    /** The saved index when it (with later notes folded in) matches the notes table, else one built anew. */
    async open(): Promise<{ index: SimilarityIndex; isLoaded: boolean }> {
      const loaded = await loadSaved();
      if (loaded) return { index: loaded, isLoaded: true };
      const seen = await newestUpdatedAt(db);
      const index = await build();
      await this.save(index, seen);
      return { index, isLoaded: false };
    },

    /**
     * Saves `index`. `seenUpdatedAt`: the table's newest updatedAt (newestUpdatedAt), read before the last
     * changes were folded into the index, so whatever was written meanwhile is folded in again at load.
     */
    async save(index: SimilarityIndex, seenUpdatedAt: number): Promise<void> {
      const data: SavedRow = { seenUpdatedAt, index: index.save() };
      await db.blobs.put({ key: SIMILARITY_INDEX_KEY, data });
    },
  };
}

export async function newestUpdatedAt(db: CommonplaceDb): Promise<number> {
  return (await db.notes.orderBy('updatedAt').last())?.updatedAt ?? 0;
}
