import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR_MS } from '../questions';
import { testMembership } from '../testing/membership';
import { answer, CM, question, T0 } from '../testing/questions';
import { loadQuestionBoard } from './question-board';
import { questionBoardKeeper } from './question-board-keeper';
import { CommonplaceDb } from './schema';
import { syncState } from './sync-state';

/**
 * The new tab asks the background's keeper for the board (issue 19), and may ask before the keeper has heard
 * of a write (Dexie's storagemutated event crosses contexts on a BroadcastChannel, later). Here the keeper hears
 * nothing at all: writes that leave the count of questions and answers as it was (its other check) must still
 * be in the board, through the write numbers the notes middleware keeps.
 */
const NOW = T0 + 100 * HOUR_MS;
let db: CommonplaceDb;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new CommonplaceDb(`keeper-unheard-${Math.random()}`);
  await db.open();
  await syncState(db).putMembership(testMembership({ communityId: CM, memberId: 'me', role: 'facilitator' }));
});
afterEach(async () => {
  await db.delete();
});

describe('the kept question board, with writes it was never told of', () => {
  it('holds answers moved to another question, tombstones and kind swaps at once', async () => {
    const mine = question('me', { quote: 'How do we rotate the staging database password?' });
    const other = question('ann', { quote: 'Who owns the kafka lag alert?' });
    const third = question('bob', { quote: 'Where is the on-call handbook?' });
    const reply = answer(mine, 'bob', T0 + HOUR_MS);
    await db.notes.bulkAdd([mine, other, third, reply]);
    const keeper = questionBoardKeeper(db);
    const before = await keeper.board(NOW);
    expect(before.states[mine.id]).toBe('answered');
    expect(before).toEqual(await loadQuestionBoard(db, NOW));

    // The answer now answers another question; one question is deleted (a tombstone stays in the kind index).
    await db.notes.put({ ...reply, links: { answers: other.id }, updatedAt: T0 + 2 * HOUR_MS });
    await db.notes.update(third.id, { deletedAt: NOW - HOUR_MS });
    const after = await keeper.board(NOW);
    expect(after.states[mine.id]).not.toBe('answered');
    expect(after.states[other.id]).toBe('answered');
    expect(after.states[third.id]).toBeUndefined();
    expect(after).toEqual(await loadQuestionBoard(db, NOW));

    // A question turned answer and an answer turned question in one write: the count stays 4.
    await db.notes.bulkPut([
      { ...other, kind: 'answer', links: { answers: mine.id } },
      { ...reply, kind: 'question', links: {} },
    ]);
    expect(await keeper.board(NOW)).toEqual(await loadQuestionBoard(db, NOW));
  });

  it('reads every question and answer again when the write numbers went back (a rebuilt store)', async () => {
    const qs = [question('ann'), question('bob'), question('carol')];
    await db.notes.bulkAdd(qs);
    const keeper = questionBoardKeeper(db);
    await keeper.board(NOW);
    // The counters start again from nothing (as a rebuilt store's would): the next write is numbered 1.
    await db.kv.put({ key: 'digest:seq', value: 0 });
    await db.notes.update(qs[0]!.id, { deletedAt: NOW - HOUR_MS });
    const after = await keeper.board(NOW);
    expect(after.states[qs[0]!.id]).toBeUndefined();
    expect(after).toEqual(await loadQuestionBoard(db, NOW));
  });
});
