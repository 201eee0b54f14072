import type { Note } from '../model';
import { answeredSince, replaySteps, stepOf, type Replayed, type Step } from '../questions/replay';
import type { DigestIndex, DigestQuestionEvent } from './types';

/**
 * The questions someone said "no, that didn't answer it" to, each with what lib/questions/replay.ts leaves of
 * it by `now`. Only these can differ from the index's "any live note answers it", so the digest replays them
 * alone instead of every question: such confirmations are few. A "no" from someone who may not confirm (not
 * the asker, not a facilitator) changes nothing, as in the question states.
 *
 * `events` may hold any events (the full scan passes all); those of other questions are ignored. `question`
 * gives the question's note (for its asker); a question whose note is not given is not replayed.
 */
export function reopenedQuestions(
  index: DigestIndex,
  events: readonly DigestQuestionEvent[],
  question: (id: string) => Pick<Note, 'author' | 'communityId'> | undefined,
  facilitators: Readonly<Record<string, readonly string[]>>,
  now: number,
): Map<string, Replayed> {
  const steps = new Map<string, Step[]>();
  const rejected = new Set<string>();
  for (const e of events) {
    const q = index.questions[e.questionId];
    const note = q && question(e.questionId);
    if (!note || e.type === 'me-too') continue;
    const step = stepOf(e, note.author?.id, q.cm ? facilitators[q.cm] : undefined);
    if (!step) continue;
    if (step.kind === 'confirm' && !step.isAnswered && step.at <= now) rejected.add(e.questionId);
    (steps.get(e.questionId) ?? steps.set(e.questionId, []).get(e.questionId)!).push(step);
  }
  const out = new Map<string, Replayed>();
  if (rejected.size === 0) return out;
  for (const [id, a] of Object.entries(index.answers)) {
    if (rejected.has(a.q) && id !== a.q) steps.get(a.q)!.push({ kind: 'answer', at: a.c, id, noteId: id });
  }
  for (const id of rejected) out.set(id, replaySteps(index.questions[id]!.c, steps.get(id)!, now));
  return out;
}

/** Whether the digest counts a question as answered: its replay where it was reopened, else any live answer. */
export const isReplayedAnswered = (r: Replayed): boolean => answeredSince(r) !== undefined;
