import type { Escalation, QuestionsResult, QuestionStatus } from './types';

/** States in which a question still waits for an answer. */
export const isUnanswered = (s: QuestionStatus): boolean =>
  s.state === 'open' || s.state === 'nudged' || s.state === 'escalated';

/**
 * The questions escalated to one member (as a helper, a facilitator or for the huddle), each with the highest
 * rung that reached them: what their new tab lists under "waiting for you".
 */
export function escalatedTo(
  result: QuestionsResult,
  memberIds: readonly string[],
): { status: QuestionStatus; escalation: Escalation }[] {
  const me = new Set(memberIds);
  const out: { status: QuestionStatus; escalation: Escalation }[] = [];
  for (const status of result.questions) {
    const mine = status.escalations.filter((e) => e.audience.some((id) => me.has(id)));
    const top = mine.at(-1);
    if (top) out.push({ status, escalation: top });
  }
  return out.sort((a, b) => a.escalation.at - b.escalation.at);
}

/**
 * The next huddle's agenda for one community: its unanswered questions that reached the huddle rung, oldest
 * first. Never a private question: this list is meant to be posted in a channel.
 */
export function huddleAgenda(result: QuestionsResult, communityId: string): Escalation[] {
  return result.due.filter((e) => e.communityId === communityId && e.rung === 'huddle' && e.isAnnounced);
}

/**
 * The questions that may be named in a post to a community channel (AMA lists, ritual posts): not private.
 * Whoever composes such a post filters through this.
 */
export const announceable = (statuses: readonly QuestionStatus[]): QuestionStatus[] =>
  statuses.filter((s) => !s.isPrivate && s.communityId !== null);
