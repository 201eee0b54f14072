import type { QuestionBoard } from '../questions';

/** How long a page waits for the background's board before reading the store itself. */
export const BOARD_ASK_TIMEOUT_MS = 5_000;

/** Why the page read the board itself: said in the log, never silently. */
export type BoardFallback = 'failed' | 'timed out' | 'not a board';

/**
 * The question board for a page (the new tab), from the board the background keeps (question-board-keeper.ts:
 * every question and answer held, only the notes written since reread) instead of the page reading every
 * question and answer on each open (issue 19: at 50k notes a dozen 2,000-note transactions after the paint).
 * When the background does not answer with a board (no worker, one from before this message, an error) or not
 * within `timeoutMs`, the page reads the store itself (`read`) and `onFallback` says why.
 */
export async function questionBoardFrom(
  ask: () => Promise<unknown>,
  read: () => Promise<QuestionBoard>,
  onFallback: (why: BoardFallback, detail?: unknown) => void,
  timeoutMs = BOARD_ASK_TIMEOUT_MS,
): Promise<QuestionBoard> {
  type Got = { board: QuestionBoard } | { why: BoardFallback; detail?: unknown };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Got>((resolve) => {
    timer = setTimeout(() => resolve({ why: 'timed out' }), timeoutMs);
  });
  const answered = ask().then(
    (board): Got => (isQuestionBoard(board) ? { board } : { why: 'not a board', detail: board }),
    (e: unknown): Got => ({ why: 'failed', detail: e }),
  );
  const got = await Promise.race([answered, late]).finally(() => clearTimeout(timer));
  if ('board' in got) return got.board;
  onFallback(got.why, got.detail);
  return read();
}

function isQuestionBoard(x: unknown): x is QuestionBoard {
  const b = x as Partial<QuestionBoard> | null | undefined;
  return (
    typeof b === 'object' &&
    b !== null &&
    Array.isArray(b.forMe) &&
    Array.isArray(b.toConfirm) &&
    Array.isArray(b.toRelay) &&
    typeof b.states === 'object' &&
    b.states !== null
  );
}
