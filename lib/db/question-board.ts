import type { Note } from '../model';
import { HelpersCache, questionBoard, questionStates, type QuestionBoard, type SavedHelpers } from '../questions';
import { meIdsOf } from '../digest/identity';
import { readIdentity } from './digest-engine';
import { expertiseOptOutsRepository } from './expertise-opt-outs';
import { readLadders } from './question-settings';
import type { CommonplaceDb } from './schema';
import { syncState } from './sync-state';
import { questionEventsRepository } from './question-events';
import { notesOfKinds } from './notes-of-kinds';

/**
 * Where each escalated question's helpers are kept between openings of the new tab (lib/questions/helpers-cache):
 * routing every escalated question on every opening is what the cache saves.
 */
export const HELPERS_KEY = 'questions:helpers';

/** The kinds the board reads: questions, and answers (a note of another kind linked by an event is not read). */
export const BOARD_KINDS = ['question', 'answer'] as const;

/**
 * The question model for this browser's member (issue 16): questions, answers and their events from the
 * store, each community's ladder, and the communities this member facilitates, through `questionStates`.
 * Reads questions and answers only (by the `kind` index), never the whole store, and a chunk per transaction.
 * The background keeps the notes between computations instead (question-board-keeper.ts).
 */
export async function loadQuestionBoard(db: CommonplaceDb, now: number): Promise<QuestionBoard> {
  // In short transactions: a Save must not wait on it.
  return questionBoardOf(db, notesOfKinds(db, BOARD_KINDS), now);
}

/**
 * The board from `notes`, every stored note of BOARD_KINDS (tombstones included) in the kind index's order
 * (kind, then id), and the rest read here: events, ladders, identity, memberships, opt-outs, the helpers kept.
 */
export async function questionBoardOf(
  db: CommonplaceDb,
  notes: Promise<readonly Note[]> | readonly Note[],
  now: number,
): Promise<QuestionBoard> {
  const [stored, events, ladders, identity, memberships, expertiseOptOuts] = await Promise.all([
    notes,
    questionEventsRepository(db).all(),
    readLadders(),
    readIdentity(db),
    syncState(db).memberships(),
    expertiseOptOutsRepository(db).all(),
  ]);
  const live = stored.filter((n) => n.deletedAt === undefined);
  const facilitatorOf = new Set(
    memberships.filter((m) => m.role === 'facilitator' || m.role === 'admin').map((m) => m.communityId),
  );
  const facilitators = Object.fromEntries(
    memberships.filter((m) => facilitatorOf.has(m.communityId)).map((m) => [m.communityId, [m.memberId]]),
  );
  const helpersCache = new HelpersCache((await db.kv.get(HELPERS_KEY))?.value as SavedHelpers | undefined);
  const result = questionStates({ notes: live, events, now, ladders, facilitators, helpersCache, expertiseOptOuts });
  if (helpersCache.isDirty) await db.kv.put({ key: HELPERS_KEY, value: helpersCache.toSaved() });
  return questionBoard(result, new Map<string, Note>(live.map((n) => [n.id, n])), meIdsOf(identity), facilitatorOf);
}
