import { db } from '@/lib/db';
import { newestUpdatedAt, savedSimilarity } from '@/lib/db/saved-similarity';
import { rankSimilar, type SimilarNote, type SimilarityDraft, type SimilarityIndex } from '@/lib/similarity';
import { logger } from '@/lib/log';
import { similaritySignal } from '@/lib/build/similarity-signal';

const log = logger('similarity index');

/** Quiet time after the last note write before the index is saved again. */
const SAVE_AFTER_MS = 5_000;

/**
 * "It may already exist": the similarity index lives in the service worker, loaded from disk on the first
 * harvest after a start (rebuilt only when it no longer matches the notes), kept current from the notes
 * hook and saved a few seconds after writes (the notes changed since the saved base: milliseconds; the whole
 * index, in slices, once that delta has grown), so the capture panel's question never scans every note.
 */
export function createSimilarity() {
  const store = savedSimilarity(db);
  let index: Promise<SimilarityIndex> | null = null;
  const changed = new Set<string>();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const signal = similaritySignal();

  async function current(): Promise<SimilarityIndex> {
    const open = await (index ??= opened());
    if (changed.size) {
      const ids = [...changed];
      changed.clear();
      const rows = await db.notes.bulkGet(ids);
      rows.forEach((n, i) => (n && n.deletedAt === undefined ? open.upsert(n) : open.remove(ids[i]!)));
    }
    return open;
  }

  async function opened(): Promise<SimilarityIndex> {
    signal.isOpening = true;
    try {
      const r = await store.open();
      signal.opened = r.isLoaded ? 'loaded' : 'rebuilt';
      return r.index;
    } finally {
      signal.isOpening = false;
    }
  }

  /** One save at a time: a delta must never land over the base a slower whole save writes after it. */
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    signal.isSaveDue = false;
    signal.saving++;
    const run = saving.then(async () => {
      const seen = await newestUpdatedAt(db); // before folding: anything later is folded again at load
      await store.save(await current(), seen);
    });
    void run.then(
      () => signal.saving--,
      () => signal.saving--,
    );
    saving = run.catch(() => undefined); // a failed save (logged by the caller) never stops the next one
    return run;
  };

  return {
    /** What the index is doing (test builds also expose it to benchmarks: lib/build/similarity-signal.ts). */
    signal: signal as Readonly<typeof signal>,
    /** Called for every note write (see search-upkeep's hook). */
    noteChanged(id: string) {
      if (!index) return; // not open: the saved index folds it in (or is rebuilt) when it opens
      changed.add(id);
      clearTimeout(saveTimer);
      signal.isSaveDue = true;
      saveTimer = setTimeout(() => void save().catch(log.failed('could not save')), SAVE_AFTER_MS);
    },
    async find(draft: SimilarityDraft): Promise<SimilarNote[]> {
      const matches = rankSimilar(await current(), draft, { limit: 3 });
      const notes = await db.notes.bulkGet(matches.map((m) => m.id));
      return matches.flatMap((m, i) => {
        const note = notes[i];
        return note ? [{ note, score: m.score, wordScore: m.wordScore, reasons: m.reasons }] : [];
      });
    },
  };
}
export type Similarity = ReturnType<typeof createSimilarity>;
