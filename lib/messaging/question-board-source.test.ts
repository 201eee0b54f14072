import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadQuestionBoard } from '../db/question-board';
import { questionBoardKeeper } from '../db/question-board-keeper';
import { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { HOUR_MS } from '../questions';
import { testMembership } from '../testing/membership';
import { answer, CM, question, T0 } from '../testing/questions';
import { questionBoardFrom, type BoardFallback } from './question-board-source';

/**
 * The new tab's board comes from the background's keeper; whatever goes wrong on the way (no worker, an old one
 * that does not know the message, an error, no answer), the page reads the store itself and says why: the
 * questions section is never empty or missing for want of an answer.
 */
const NOW = T0 + 100 * HOUR_MS;
let db: CommonplaceDb;
let why: { why: BoardFallback; detail?: unknown }[];
const said = (w: BoardFallback, detail?: unknown) => void why.push({ why: w, detail });
const readHere = () => loadQuestionBoard(db, NOW);

beforeEach(async () => {
  fakeBrowser.reset();
  why = [];
  db = new CommonplaceDb(`board-source-${Math.random()}`);
  await db.open();
  await syncState(db).putMembership(testMembership({ communityId: CM, memberId: 'me', role: 'facilitator' }));
  const q = question('me', { quote: 'How do we rotate the staging database password?' });
  await db.notes.bulkAdd([q, answer(q, 'bob', T0 + HOUR_MS), question('ann', { quote: 'Who owns the lag alert?' })]);
});
afterEach(async () => {
  await db.delete();
});

describe('the question board a page shows', () => {
  it("is the background keeper's, without a read of the questions here", async () => {
    const keeper = questionBoardKeeper(db);
    let reads = 0;
    const board = await questionBoardFrom(
      () => keeper.board(NOW),
      () => (reads++, readHere()),
      said,
    );
    expect(board).toEqual(await readHere());
    expect(board.toConfirm.length + board.forMe.length).toBeGreaterThan(0);
    expect(reads).toBe(0);
    expect(why).toEqual([]);
  });

  it('is read here, and the log says why, when the background fails, answers something else or not at all', async () => {
    const expected = await readHere();
    const gone = new Error('Could not establish connection. Receiving end does not exist.');
    expect(await questionBoardFrom(() => Promise.reject(gone), readHere, said)).toEqual(expected);
    // A worker from before the message answers nothing.
    expect(await questionBoardFrom(() => Promise.resolve(undefined), readHere, said)).toEqual(expected);
    expect(await questionBoardFrom(() => Promise.resolve({ forMe: [] }), readHere, said)).toEqual(expected);
    // A worker that never answers: the page waits `timeoutMs`, then reads.
    expect(await questionBoardFrom(() => new Promise(() => undefined), readHere, said, 20)).toEqual(expected);
    expect(why.map((w) => w.why)).toEqual(['failed', 'not a board', 'not a board', 'timed out']);
    expect(why[0]!.detail).toBe(gone);
  });
});
