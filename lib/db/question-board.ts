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

/**
 * The question model for this browser's member (issue 16): questions, answers and their events from the
 * store, each community's ladder, and the communities this member facilitates, through `questionStates`.
 * Reads questions and answers only (by the `kind` index), never the whole store, and a chunk per transaction.
 */
export async function loadQuestionBoard(db: CommonplaceDb, now: number): Promise<QuestionBoard> {
  const [notes, events, ladders, identity, memberships, expertiseOptOuts] = await Promise.all([
    // In short transactions: this runs after every harvest (question-upkeep), and a Save must not wait on it.
    notesOfKinds(db, ['question', 'answer']),
    questionEventsRepository(db).all(),
    readLadders(),
    readIdentity(db),
    syncState(db).memberships(),
    expertiseOptOutsRepository(db).all(),
  ]);
  const live = notes.filter((n) => n.deletedAt === undefined);
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
