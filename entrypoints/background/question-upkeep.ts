import { db } from '@/lib/db';
import { questionBoardKeeper, watchBoardWrites, type QuestionBoardKeeper } from '@/lib/db/question-board-keeper';
import { logger } from '@/lib/log';
import { onBackgroundMessage } from '@/lib/messaging/messenger';
import type { QuestionBoard } from '@/lib/questions';
import { isExtensionPage } from './senders';

/** Folds a burst of writes (a sync merge, a harvested thread) into one recomputation. */
const DEBOUNCE_MS = 2_000;
const report = logger('question upkeep').failed('helpers refresh failed');

/**
 * Keeps the question helpers' cache warm in the background: after notes or events change, the question model is
 * computed here once. The new tab asks for it (`board`) after its first paint. One computation at a time: two
 * at once would each reread what the other is rereading.
 */
export function createQuestionUpkeep(
  keeper: QuestionBoardKeeper,
  now = Date.now,
): { changed(): void; board(at: number): Promise<QuestionBoard> } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const next = (at: number) => {
    const board = running.catch(() => undefined).then(() => keeper.board(at));
    running = board;
    return board;
  };
  return {
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => void next(now()).catch(report), DEBOUNCE_MS);
    },
    board: next,
  };
}

/**
 * Recomputes after every committed note or question-event write in any extension context (harvests, edits,
 * deletes, sync merges, the new tab's answers and thanks, the options page's imports and leaving), rereading
 * only the notes written (question-board-keeper.ts); every question and answer is read at start-up only.
 */
export function registerQuestionUpkeep(): { notesChanged(ids: string[]): void } {
  const keeper = questionBoardKeeper(db);
  const upkeep = createQuestionUpkeep(keeper);
  watchBoardWrites(db, ({ notes }) => {
    if (notes === 'unknown') keeper.distrust();
    else if (notes) keeper.notesChanged(notes.ids);
    upkeep.changed();
  });
  upkeep.changed();
  onBackgroundMessage('questionBoard', ({ data, sender }) => {
    if (!isExtensionPage(sender) || typeof data?.now !== 'number') throw new Error('not an extension page');
    return upkeep.board(data.now);
  });
  return {
    // Pages report their writes too (notesWritten): already seen through the event, but a page's report costs
    // one reread of those notes and covers a write whose event did not arrive.
    notesChanged(ids) {
      keeper.notesChanged(ids);
      upkeep.changed();
    },
  };
}
