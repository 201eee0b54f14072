import { HAS_TEST_HOOKS } from './test-hooks';

/**
 * What the background's similarity index is doing, for benchmarks that stop the service worker (bench:harvest's
 * new-worker harvest): stopped while a save was due or under way, the next worker finds no saved index that
 * matches and rebuilds it (seconds at 100k), which is not what a worker started later meets. Test builds put it
 * on `globalThis.__commonplaceSimilarity`; elsewhere it is a plain object nobody reads.
 */
export interface SimilaritySignal {
  /** The saved index is being loaded (or rebuilt, then saved whole). */
  isOpening: boolean;
  /** Notes changed since the last save; the save waits for a quiet moment. */
  isSaveDue: boolean;
  /** Saves under way (one at a time, but counted). */
  saving: number;
  /** How this worker's index came: read from disk, or rebuilt from every note. */
  opened: 'loaded' | 'rebuilt' | null;
}

export const SIMILARITY_SIGNAL_KEY = '__commonplaceSimilarity';

/** Settled (bench:harvest waits for it): not opening, no save due, none under way. */
export function similaritySignal(): SimilaritySignal {
  const s: SimilaritySignal = { isOpening: false, isSaveDue: false, saving: 0, opened: null };
  if (HAS_TEST_HOOKS) (globalThis as Record<string, unknown>)[SIMILARITY_SIGNAL_KEY] = s;
  return s;
}
