import type { Note } from '../model';
import { toCard } from '../digest/card';
import type { NoteCard } from '../digest/types';
import type { Rung } from './ladder';
import type { QuestionsResult, QuestionState } from './types';
import { escalatedTo } from './views';
import { relayableAnswer } from './may-relay';

export interface BoardLine {
  card: NoteCard;
  state: QuestionState;
  /** For a question escalated to me: the highest rung that reached me. */
  rung?: Rung;
  /** The newest counted answer, which "Did this answer it?" asks about. */
  answerId?: string;
}

export interface QuestionBoard {
  /** Unanswered questions escalated to me (as a helper, a facilitator, for the huddle), oldest escalation first. */
  forMe: BoardLine[];
  /** Answered or relayed questions I may confirm: mine, and as a facilitator my community's. */
  toConfirm: BoardLine[];
  /**
   * Answered questions asked in a chat thread whose answer has not gone back there yet, and that I may relay:
   * I asked it, or I wrote its newest answer ("Relay answer"; see relayableAnswer).
   */
  toRelay: BoardLine[];
  /** Every question's state by id, for the digest's unanswered list. */
  states: Record<string, QuestionState>;
}

/**
 * What one member's new tab shows of the question model: a pure view of `questionStates`' result. `meIds` are
 * the member's ids (one per community); `facilitatorOf` the communities where they facilitate.
 */
export function questionBoard(
  result: QuestionsResult,
  notes: ReadonlyMap<string, Note>,
  meIds: readonly string[],
  facilitatorOf: ReadonlySet<string>,
): QuestionBoard {
  const card = (id: string) => {
    const n = notes.get(id);
    return n ? toCard(n, meIds) : undefined;
  };
  const forMe: BoardLine[] = [];
  for (const { status, escalation } of escalatedTo(result, meIds)) {
    const c = card(status.questionId);
    if (c) forMe.push({ card: c, state: status.state, rung: escalation.rung });
  }
  const me = new Set(meIds);
  const toConfirm: BoardLine[] = [];
  const toRelay: BoardLine[] = [];
  const states: Record<string, QuestionState> = {};
  for (const s of result.questions) {
    states[s.questionId] = s.state;
    if (s.state !== 'answered' && s.state !== 'relayed') continue;
    const mayConfirm =
      (s.askerId === undefined && s.communityId === null) ||
      (s.askerId !== undefined && me.has(s.askerId)) ||
      facilitatorOf.has(s.communityId ?? '');
    const c = mayConfirm ? card(s.questionId) : undefined;
    if (c)
      toConfirm.push({ card: c, state: s.state, ...(s.answerIds.length ? { answerId: s.answerIds.at(-1)! } : {}) });
    const answerId = relayableAnswer(s, notes, me);
    const relayCard = answerId ? card(s.questionId) : undefined;
    if (relayCard) toRelay.push({ card: relayCard, state: s.state, answerId: answerId! });
  }
  return { forMe, toConfirm, toRelay, states };
}
