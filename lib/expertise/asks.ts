import type { Note } from '../model';
import type { PulledQuestionEvent, QuestionEvent } from '../questions/events';
import { isPrivateQuestion } from '../questions/privacy';
import { DAY_MS } from './types';

/** Being asked a week ago weighs half of being asked today. */
export const ASK_HALF_LIFE_DAYS = 7;
/** Asks older than this no longer count at all (their weight would be under 1/16). */
export const ASK_HORIZON_DAYS = 28;

/** One time a member was asked, with when. */
export interface Ask {
  memberId: string;
  questionId: string;
  at: number;
}

/**
 * The times each member was **asked** a question lately, from what this browser holds of the community's
 * questions. A member was asked question Q when someone else's Q took their time:
 * - they wrote an answer to Q (a note whose `links.answers` is Q), at the answer's harvest;
 * - their existing note was linked as Q's answer (`answer-linked`), at the link;
 * - they relayed an answer into Q's thread (`relayed`), at the relay.
 * One ask per member per question (the latest): answering and relaying the same question is one ask. A
 * question from a private channel or DM never counts, so nothing private changes how others see a member.
 * Suggestions a panel or the ladder showed are not asks: they are not recorded, and the ladder's own helpers are
 * computed from these asks, which would make load feed on itself.
 */
export function asksFrom(input: {
  notes: readonly Note[];
  events: readonly (QuestionEvent | PulledQuestionEvent)[];
}): Ask[] {
  const byId = new Map(input.notes.filter((n) => n.deletedAt === undefined).map((n) => [n.id, n]));
  const latest = new Map<string, Ask>();
  const add = (memberId: string | undefined, questionId: string, at: number) => {
    const q = byId.get(questionId);
    if (!memberId || !q || q.kind !== 'question' || q.author?.id === memberId || isPrivateQuestion(q)) return;
    const key = `${memberId}\u0000${questionId}`;
    const had = latest.get(key);
    if (!had || had.at < at) latest.set(key, { memberId, questionId, at });
  };
  for (const n of byId.values()) if (n.links?.answers) add(n.author?.id, n.links.answers, n.createdAt);
  for (const e of input.events) {
    if (e.type === 'answer-linked') add(byId.get(e.noteId)?.author?.id, e.questionId, e.at);
    else if (e.type === 'relayed') add(e.by, e.questionId, e.at);
  }
  return [...latest.values()];
}

/**
 * Member id -> how much they were asked lately: each ask weighs 2^(-age / ASK_HALF_LIFE_DAYS), asks after `now`
 * (not yet seen) or older than ASK_HORIZON_DAYS weigh nothing. `routeQuestion` divides fit by
 * `1 + LOAD_PENALTY × load`, so one ask today costs as much as the old 14-day count did.
 */
export function askLoad(asks: readonly Pick<Ask, 'memberId' | 'at'>[], now: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of asks) {
    const age = now - a.at;
    // Written so that an unreadable time (NaN) counts for nothing rather than poisoning the sum.
    if (!(age >= 0 && age < ASK_HORIZON_DAYS * DAY_MS)) continue;
    out.set(a.memberId, (out.get(a.memberId) ?? 0) + 2 ** (-age / (ASK_HALF_LIFE_DAYS * DAY_MS)));
  }
  return out;
}
