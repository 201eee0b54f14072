import type { PulledQuestionEvent, QuestionEvent } from './events';

/** One thing that happened to a question, in the order `replaySteps` reads them. */
export type Step =
  | { kind: 'answer'; at: number; id: string; noteId: string }
  | { kind: 'relay'; at: number; id: string; answerId: string }
  | { kind: 'confirm'; at: number; id: string; isAnswered: boolean };
const STEP_ORDER = { answer: 0, relay: 1, confirm: 2 } as const;

/** What a question's replay leaves by `now`: the answers that still count and when each state began. */
export interface Replayed {
  /** When the ladder's clock last (re)started: the harvest, or the latest "it did not answer it". */
  clock: number;
  answerIds: string[];
  answeredAt?: number;
  relayedAt?: number;
  resolvedAt?: number;
}

/**
 * The asker confirms their own question; a facilitator confirms any in their community (the endpoint's `byRole`
 * on pulled events, or the facilitator ids the caller knows). A question without an author is the user's own.
 */
export function mayConfirm(
  askerId: string | undefined,
  e: QuestionEvent | PulledQuestionEvent,
  facilitatorIds: readonly string[] = [],
): boolean {
  if (askerId === undefined || e.by === askerId) return true;
  if ('byRole' in e && (e.byRole === 'facilitator' || e.byRole === 'admin')) return true;
  return facilitatorIds.includes(e.by);
}

/**
 * An event as a step of the question it names, or undefined when it is no step (a me-too, an answer linked to
 * the question itself, a confirmation from someone who may not confirm).
 */
export function stepOf(
  e: QuestionEvent | PulledQuestionEvent,
  askerId: string | undefined,
  facilitatorIds?: readonly string[],
): Step | undefined {
  if (e.type === 'answer-linked') {
    return e.noteId === e.questionId ? undefined : { kind: 'answer', at: e.at, id: e.id, noteId: e.noteId };
  }
  if (e.type === 'relayed') return { kind: 'relay', at: e.at, id: e.id, answerId: e.answerId };
  if (e.type === 'confirmed' && mayConfirm(askerId, e, facilitatorIds)) {
    return { kind: 'confirm', at: e.at, id: e.id, isAnswered: e.isAnswered };
  }
  return undefined;
}

/**
 * Replays a question's answers, relays and confirmations in time order, seeing nothing after `now`. Yes
 * resolves for good; no drops the answers so far and restarts the clock, so only a later answer counts. This is
 * the one rule for "answered": the question states (states.ts) and the endpoint's weekly figures both read it.
 * Sorts `steps` in place.
 */
export function replaySteps(createdAt: number, steps: Step[], now: number): Replayed {
  const r: Replayed = { clock: createdAt, answerIds: [] };
  steps.sort((a, b) => a.at - b.at || STEP_ORDER[a.kind] - STEP_ORDER[b.kind] || (a.id < b.id ? -1 : 1));
  for (const s of steps) {
    if (s.at > now || r.resolvedAt !== undefined) break;
    if (s.kind === 'answer') {
      if (!r.answerIds.includes(s.noteId)) r.answerIds.push(s.noteId);
      r.answeredAt ??= s.at;
    } else if (s.kind === 'relay') {
      if (!r.answerIds.includes(s.answerId)) r.answerIds.push(s.answerId);
      r.answeredAt ??= s.at;
      r.relayedAt ??= s.at;
    } else if (s.isAnswered) {
      r.resolvedAt = s.at;
    } else {
      // "It did not answer it": the answers so far stop counting and the ladder starts again from now.
      r.clock = s.at;
      r.answerIds = [];
      r.answeredAt = r.relayedAt = undefined;
    }
  }
  return r;
}

/** When the question last became answered (a counted answer or relay, else a "yes"), if it is answered by `now`. */
export const answeredSince = (r: Replayed): number | undefined => r.answeredAt ?? r.resolvedAt;
