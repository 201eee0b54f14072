import type { Note } from '../model';
import { meIdsOf } from '../digest/identity';
import { DEFAULT_LADDER, questionStates, relayableAnswer, type QuestionEvent } from '../questions';
import { readIdentity } from './digest-engine';
import { questionEventsRepository } from './question-events';
import type { CommonplaceDb } from './schema';

/**
 * For the popup's cards: which of these questions this member may relay now, and with which answer (the new
 * tab's rule, relayableAnswer). Reads only these questions, their answers and their events, so a card's button
 * costs a few reads, not the whole question model: the answers through the `links.answers` index, keys first
 * (at 100k notes a walk over every answer read thousands of rows per popup render, issue 19).
 */
export async function relayableAnswers(
  db: CommonplaceDb,
  questionIds: readonly string[],
  now: number,
): Promise<Map<string, string>> {
  const questions = (await db.notes.bulkGet([...questionIds])).filter(
    (n): n is Note => n !== undefined && n.kind === 'question' && n.deletedAt === undefined && !!n.chat,
  );
  if (questions.length === 0) return new Map();
  const [events, answers] = await Promise.all([
    Promise.all(questions.map((q) => questionEventsRepository(db).ofQuestion(q.id))).then((e) => e.flat()),
    answersOf(
      db,
      questions.map((q) => q.id),
    ),
  ]);
  return relayableAmong(db, questions, events, answers, now);
}

/**
 * Which of `questions` (live chat questions) this member may relay now, and with which answer, given their
 * events and the answers read for them: the notes those events link are read here.
 */
export async function relayableAmong(
  db: CommonplaceDb,
  questions: readonly Note[],
  events: readonly QuestionEvent[],
  answers: readonly Note[],
  now: number,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const linkedIds = events.flatMap((e) => (e.type === 'answer-linked' ? [e.noteId] : []));
  const linked = (await db.notes.bulkGet(linkedIds)).filter((n): n is Note => n !== undefined);
  const notes = [...questions, ...answers, ...linked].filter((n) => n.deletedAt === undefined);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const me = new Set(meIdsOf(await readIdentity(db)));
  // Ladders off: the ladder never changes an answered question's state, and an open one is not asked about
  // (so no helpers are looked up for it).
  const off = { ...DEFAULT_LADDER, isEnabled: false };
  const ladders = Object.fromEntries(questions.map((q) => [q.communityId ?? '', off]));
  for (const status of questionStates({ notes: [...byId.values()], events: [...events], now, ladders }).questions) {
    const answerId = relayableAnswer(status, byId, me);
    if (answerId) out.set(status.questionId, answerId);
  }
  return out;
}

/**
 * The notes of kind `answer` whose `links.answers` names one of `questionIds` (tombstones included), in id
 * order as the kind index gave them: each question's entries of the index (keys only), then those notes.
 */
async function answersOf(db: CommonplaceDb, questionIds: readonly string[]): Promise<Note[]> {
  const ids = (
    await Promise.all(questionIds.map((id) => db.notes.where('links.answers').equals(id).primaryKeys()))
  ).flat();
  const notes = (await db.notes.bulkGet([...new Set(ids)])).filter(
    (n): n is Note => n !== undefined && n.kind === 'answer',
  );
  return notes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
