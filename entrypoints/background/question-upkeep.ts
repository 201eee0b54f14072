import { db } from '@/lib/db';
import { loadQuestionBoard } from '@/lib/db/question-board';
import { logger } from '@/lib/log';

/** Folds a burst of writes (a sync merge, a harvested thread) into one recomputation. */
const DEBOUNCE_MS = 2_000;
const report = logger('question upkeep').failed('helpers refresh failed');

/**
 * Keeps the question helpers' cache warm in the background: after notes or events change, the question model is
 * computed here once, so the new tab, which loads it after its first paint, finds the helpers already kept.
 */
export function createQuestionUpkeep(now = Date.now): { changed(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.catch(() => undefined).then(() => loadQuestionBoard(db, now()));
        void running.catch(report);
      }, DEBOUNCE_MS);
    },
  };
}

/** Recomputes after every note or question-event write here (harvests, sync merges) and on start-up. */
export function registerQuestionUpkeep(): { changed(): void } {
  const upkeep = createQuestionUpkeep();
  const changed = () => upkeep.changed();
  for (const table of [db.notes, db.questionEvents] as const) {
    table.hook('creating', function () {
      this.onsuccess = changed;
    });
    table.hook('updating', function () {
      this.onsuccess = changed;
    });
    table.hook('deleting', function () {
      this.onsuccess = changed;
    });
  }
  changed();
  return upkeep;
}
