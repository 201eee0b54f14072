import type { Note } from '../model';
import { isPrivateQuestion } from './privacy';
import type { QuestionStatus } from './types';

/**
 * The answer this member may relay to the thread `status`'s question was asked in, or undefined: the question
 * is answered (not yet relayed), was asked in a chat, and the member asked it or wrote its newest answer (a
 * personal question is its owner's). Never an answer harvested in a private channel or DM into a community
 * channel (relayPlan refuses it too). One rule for the new tab's list and the popup's card.
 */
export function relayableAnswer(
  status: QuestionStatus,
  notes: ReadonlyMap<string, Note>,
  meIds: ReadonlySet<string>,
): string | undefined {
  const question = notes.get(status.questionId);
  const answerId = status.answerIds.at(-1);
  if (status.state !== 'answered' || !answerId || !question?.chat) return undefined;
  const answer = notes.get(answerId);
  const isMine =
    (status.askerId === undefined && status.communityId === null) ||
    (status.askerId !== undefined && meIds.has(status.askerId)) ||
    meIds.has(answer?.author?.id ?? '');
  if (!isMine) return undefined;
  if (answer && isPrivateQuestion(answer) && !isPrivateQuestion(question)) return undefined;
  return answerId;
}
