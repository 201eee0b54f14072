import { readNewest } from '../db/read-newest';
import { snapshotCards, writeSnapshot } from './snapshot';

/**
 * Keeps the newest cards' snapshot current from a long-lived extension page (Chrome's offscreen document, told
 * of every note write): the next popup's first frame then shows the notes as they are, not as they were at the
 * last popup. Calls while a refresh runs fold into one more after it (their promise settles with that one).
 */
export function snapshotRefresher(store: Storage, limit: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const run = async (): Promise<void> => {
    const rows = await readNewest(limit);
    if (rows) writeSnapshot(store, snapshotCards(rows));
  };
  return function refresh(): Promise<void> {
    if (!running) return (running = run().finally(() => (running = null)));
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return refresh();
      });
    return queued;
  };
}
