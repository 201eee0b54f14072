import type { Note } from '../model';
import { meIdsOf } from '../digest/identity';
import { DEFAULT_LADDER, questionStates, relayableAnswer } from '../questions';
import { readIdentity } from './digest-engine';
import { questionEventsRepository } from './question-events';
import type { CommonplaceDb } from './schema';

/**
 * For the popup's cards: which of these questions this member may relay now, and with which answer (the new
 * tab's rule, relayableAnswer). Reads only these questions, their answers and their events, so a card's button
 * costs a few reads, not the whole question model.
 */
export async function relayableAnswers(
  db: CommonplaceDb,
  questionIds: readonly string[],
  now: number,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const questions = (await db.notes.bulkGet([...questionIds])).filter(
    (n): n is Note => n !== undefined && n.kind === 'question' && n.deletedAt === undefined && !!n.chat,
  );
  if (questions.length === 0) return out;
  const ids = new Set(questions.map((q) => q.id));
  const events = (await Promise.all(questions.map((q) => questionEventsRepository(db).ofQuestion(q.id)))).flat();
  const answers = await db.notes
    .where('kind')
    .equals('answer')
    .filter((n) => ids.has(n.links?.answers ?? ''))
    .toArray();
  const linkedIds = events.flatMap((e) => (e.type === 'answer-linked' ? [e.noteId] : []));
  const linked = (await db.notes.bulkGet(linkedIds)).filter((n): n is Note => n !== undefined);
  const notes = [...questions, ...answers, ...linked].filter((n) => n.deletedAt === undefined);
  const byId = new Map(notes.map((n) => [n.id, n]));
  const me = new Set(meIdsOf(await readIdentity(db)));
  // Ladders off: the ladder never changes an answered question's state, and an open one is not asked about
  // (so no helpers are looked up for it).
  const off = { ...DEFAULT_LADDER, isEnabled: false };
  const ladders = Object.fromEntries(questions.map((q) => [q.communityId ?? '', off]));
  for (const status of questionStates({ notes: [...byId.values()], events, now, ladders }).questions) {
    const answerId = relayableAnswer(status, byId, me);
    if (answerId) out.set(status.questionId, answerId);
  }
  return out;
}
