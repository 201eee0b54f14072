import { SimilarityIndex, type SavedSimilarityDelta, type SavedSimilarityIndex } from '../similarity';
import { rowJoiner, splitRows } from '../similarity/split-rows';
import { readLiveFingerprint, recountLiveFingerprint, type LiveFingerprint } from './live-fingerprint';
import type { CommonplaceDb } from './schema';

/** The saved base: every live note when it was last saved whole (rarely: see `saveWhole`). */
export const SIMILARITY_INDEX_KEY = 'similarity-index';
/** The notes changed since the base, saved on their own a few seconds after writes (milliseconds, not seconds). */
export const SIMILARITY_DELTA_KEY = 'similarity-index:delta';
/** The base's parts: `${prefix}${baseId}:${n}`, each read and written in a transaction of its own. */
export const SIMILARITY_PART_PREFIX = 'similarity-index:part:';

/**
 * 4: the base's head row (its shape, split-rows.ts) plus its parts, each at most `partBytes`, and a delta row,
 * each naming the base (`baseId`). A row of any other format (3's base in one 35 MB row, 2's lone
 * `{ seenUpdatedAt, index }`) is rebuilt, never misread; a delta naming another base is ignored.
 */
export const SIMILARITY_ROW_FORMAT = 4;

interface BaseRow {
  format: typeof SIMILARITY_ROW_FORMAT;
  baseId: string;
  /** Newest updatedAt in the notes table when saved: notes written after it are folded in at load. */
  seenUpdatedAt: number;
  /** The SavedSimilarityIndex with each typed array replaced by a reference to its pieces (splitRows). */
  shape: unknown;
  /** How many part rows hold the pieces. */
  parts: number;
}

interface PartRow {
  format: typeof SIMILARITY_ROW_FORMAT;
  baseId: string;
  pieces: unknown[];
}

const partKey = (baseId: string, n: number) => `${SIMILARITY_PART_PREFIX}${baseId}:${n}`;

interface DeltaRow {
  format: typeof SIMILARITY_ROW_FORMAT;
  baseId: string;
  seenUpdatedAt: number;
  delta: SavedSimilarityDelta;
}

/** Notes read per transaction when the index is built: a note write waits for one chunk at most. */
const BUILD_CHUNK = 2000;
/** Slots packed between pauses of a whole save. */
const SAVE_SLICE = 5000;
/** Bytes per part row of the base: V8 deserialises ~1 MB in a few ms, so a Save waits that long at most. */
export const PART_BYTES = 1 << 20;

/** Lets other work run (a message, a note write) between slices of a long job. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const sameFingerprint = (a: LiveFingerprint, b: LiveFingerprint) => a.count === b.count && a.sum === b.sum;

/**
 * The similarity index kept on disk: loaded at a service worker's first harvest, with the notes written since
 * it was saved folded in, instead of rebuilt from every note (seconds of CPU at 100k notes); rebuilt only
 * when it then disagrees with the live notes' fingerprint, which the notes middleware keeps in a kv row (one
 * small read: no pass over the table that a note write would queue behind). Saved as a big base, written
 * rarely and in slices, plus a small delta of the notes changed since, written after each burst of writes. The base
 * is kept as parts of at most 1 MB, each written and read in its own transaction with a pause between, so a fresh
 * worker reading it back (35 MB at 100k notes, up to 1.1 s of deserialising on its one thread) lets a Save through.
 */
export function savedSimilarity(
  db: CommonplaceDb,
  pause: () => Promise<void> = nextTask,
  { partBytes = PART_BYTES } = {},
) {
  /** The base on disk, which the next delta extends. */
  let baseId: string | null = null;

  /** Every live note, read a chunk per transaction (a note write is never queued behind the whole table). */
  async function build(): Promise<SimilarityIndex> {
    const index = new SimilarityIndex();
    let chunk = await db.notes.orderBy(':id').limit(BUILD_CHUNK).toArray();
    while (chunk.length) {
      for (const n of chunk) if (n.deletedAt === undefined) index.upsert(n);
      if (chunk.length < BUILD_CHUNK) break;
      chunk = await db.notes
        .where(':id')
        .above(chunk[chunk.length - 1]!.id)
        .limit(BUILD_CHUNK)
        .toArray();
    }
    return index;
  }

  /**
   * The base, its parts read one short transaction each with a pause between, each copied into place as it
   * arrives; undefined when one is missing, of another base or damaged.
   */
  async function readBase(base: BaseRow): Promise<SavedSimilarityIndex | undefined> {
    if (!Number.isInteger(base.parts) || base.parts < 0) return undefined;
    try {
      const joiner = rowJoiner(base.shape);
      for (let n = 0; n < base.parts; n++) {
        if (n > 0) await pause();
        const part = (await db.blobs.get(partKey(base.baseId, n)))?.data as PartRow | undefined;
        if (part?.format !== SIMILARITY_ROW_FORMAT || part.baseId !== base.baseId) return undefined; // replaced meanwhile
        joiner.add(part.pieces);
      }
      return joiner.done() as SavedSimilarityIndex;
    } catch (e) {
      if (e instanceof RangeError) return undefined;
      throw e;
    }
  }

  async function loadSaved(): Promise<SimilarityIndex | null> {
    const [base, delta] = (await db.blobs.bulkGet([SIMILARITY_INDEX_KEY, SIMILARITY_DELTA_KEY])).map(
      (r) => r?.data,
    ) as [BaseRow | undefined, DeltaRow | undefined];
    if (base?.format !== SIMILARITY_ROW_FORMAT || typeof base.baseId !== 'string') return null;
    const extends_ = delta?.format === SIMILARITY_ROW_FORMAT && delta.baseId === base.baseId ? delta : undefined;
    const saved = await readBase(base);
    if (!saved) return null;
    let index: SimilarityIndex;
    try {
      index = SimilarityIndex.load(saved, extends_?.delta);
    } catch {
      return null; // an older format or a damaged row
    }
    baseId = base.baseId;
    const seen = extends_?.seenUpdatedAt ?? base.seenUpdatedAt;
    for (const n of await db.notes.where('updatedAt').above(seen).toArray()) index.upsert(n);
    const own = index.fingerprint();
    const kept = await readLiveFingerprint(db);
    if (kept && sameFingerprint(own, kept)) return index;
    // Never counted here, or rows were written around Dexie: count once (a chunk per short transaction).
    return sameFingerprint(own, await recountLiveFingerprint(db)) ? index : null;
  }

  const saved = {
    /** The saved index when it (with later notes folded in) matches the notes table, else one built anew. */
    async open(): Promise<{ index: SimilarityIndex; isLoaded: boolean }> {
      const loaded = await loadSaved();
      if (loaded) return { index: loaded, isLoaded: true };
      const seen = await newestUpdatedAt(db);
      const index = await build();
      if (!(await readLiveFingerprint(db))) await recountLiveFingerprint(db);
      await saved.saveWhole(index, seen);
      return { index, isLoaded: false };
    },

    /**
     * Saves the notes changed since the base (`index.saveDelta()`): a few notes' rows, so a save after a harvest
     * costs milliseconds. `seenUpdatedAt`: the table's newest updatedAt (newestUpdatedAt), read before the last
     * changes were folded into the index, so whatever was written meanwhile is folded in again at load.
     */
    async saveDelta(index: SimilarityIndex, seenUpdatedAt: number): Promise<void> {
      if (baseId === null) return saved.saveWhole(index, seenUpdatedAt);
      const data: DeltaRow = { format: SIMILARITY_ROW_FORMAT, baseId, seenUpdatedAt, delta: index.saveDelta() };
      await db.blobs.put({ key: SIMILARITY_DELTA_KEY, data });
    },

    /**
     * Saves every live note as a new base (and the delta of what changed meanwhile beside it), packing a slice at a time with a pause
     * between, so messages and note writes go on meanwhile; notes changed during it stay in the next delta.
     */
    async saveWhole(index: SimilarityIndex, seenUpdatedAt: number): Promise<void> {
      const undo = index.startWholeSave();
      try {
        const steps = index.saveInSlices(SAVE_SLICE);
        let step = steps.next();
        while (!step.done) {
          await pause();
          step = steps.next();
        }
        const id = crypto.randomUUID();
        const { shape, parts } = splitRows(step.value, partBytes);
        // Each part in its own transaction, a pause between: nothing reads them until the head names this base.
        for (let n = 0; n < parts.length; n++) {
          await pause();
          const part: PartRow = { format: SIMILARITY_ROW_FORMAT, baseId: id, pieces: parts[n]! };
          await db.blobs.put({ key: partKey(id, n), data: part });
        }
        const base: BaseRow = { format: SIMILARITY_ROW_FORMAT, baseId: id, seenUpdatedAt, shape, parts: parts.length };
        // The notes changed while it was packed, as the delta beside it (each was read at some point in between).
        const delta: DeltaRow = { format: SIMILARITY_ROW_FORMAT, baseId: id, seenUpdatedAt, delta: index.saveDelta() };
        await db.blobs.bulkPut([
          { key: SIMILARITY_INDEX_KEY, data: base },
          { key: SIMILARITY_DELTA_KEY, data: delta },
        ]);
        // The parts of older bases (and of a save cut off before its head was written) go.
        const stale = (await db.blobs.where('key').startsWith(SIMILARITY_PART_PREFIX).primaryKeys()).filter(
          (k) => !k.startsWith(`${SIMILARITY_PART_PREFIX}${id}:`),
        );
        await db.blobs.bulkDelete(stale);
        baseId = id;
      } catch (e) {
        undo();
        throw e;
      }
    },

    /** Saves the index: the delta, or a new base once the delta has grown past `mergeAt` notes. */
    async save(index: SimilarityIndex, seenUpdatedAt: number, mergeAt = 2000): Promise<void> {
      await (index.deltaSize > mergeAt ? saved.saveWhole(index, seenUpdatedAt) : saved.saveDelta(index, seenUpdatedAt));
    },
  };
  return saved;
}

export async function newestUpdatedAt(db: CommonplaceDb): Promise<number> {
  return (await db.notes.orderBy('updatedAt').last())?.updatedAt ?? 0;
}
