import type { Note } from '../model';
import type { HelpersCache } from './helpers-cache';
import type { PulledQuestionEvent, QuestionEvent } from './events';
import type { Ladders, Rung } from './ladder';

/**
 * Where a question stands, in the order it normally moves: nobody has answered (`open`), the helpers were
 * nudged (`nudged`), the facilitator or the huddle has it (`escalated`), someone answered (`answered`), the
 * answer went back to the thread it was asked in (`relayed`), the asker or a facilitator confirmed it
 * (`resolved`).
 */
export const QUESTION_STATES = ['open', 'nudged', 'escalated', 'answered', 'relayed', 'resolved'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** A rung an unanswered question reached: who now sees it, from when. */
export interface Escalation {
  questionId: string;
  communityId: string;
  rung: Rung;
  at: number;
  /** Member ids whose new tab shows it (never the asker). */
  audience: string[];
  /** True when it goes onto the huddle's agenda, which is posted in a community channel; never for private questions. */
  isAnnounced: boolean;
}

export interface QuestionStatus {
  questionId: string;
  communityId: string | null;
  askerId?: string;
  state: QuestionState;
  /** When the question entered `state`. */
  since: number;
  isPrivate: boolean;
  isFirstTime: boolean;
  /** Distinct other members with the same question. */
  meToo: number;
  /** Answers counted now (those before a "did not answer it" no longer count), oldest first. */
  answerIds: string[];
  answeredAt?: number;
  relayedAt?: number;
  resolvedAt?: number;
  /** The rungs reached while it is unanswered, in ladder order; empty once answered. */
  escalations: Escalation[];
  /** When it next climbs (for an alarm), if it is unanswered and a rung is left. */
  nextEscalationAt?: number;
}

export interface QuestionsInput {
  /** The notes to read questions, answers (`links.answers`) and me-toos (`links.addsTo`) from. */
  notes: readonly Note[];
  /** Ours and pulled ones (those carry the role the endpoint saw: a facilitator's confirmation counts). */
  events: readonly (QuestionEvent | PulledQuestionEvent)[];
  now: number;
  /** Per community; communities without one climb `DEFAULT_LADDER`. */
  ladders?: Ladders;
  /** Facilitator member ids per community: who may confirm besides the asker, and the second rung's audience. */
  facilitators?: Readonly<Record<string, readonly string[]>>;
  /** Members who opted out of who-knows-what (the endpoint stores it): never in a helpers rung's audience. */
  expertiseOptOuts?: ReadonlySet<string>;
  /**
   * Helpers kept from earlier computations (lib/questions/helpers-cache): reused while still right, recomputed
   * otherwise, and updated in place. Without it every escalated question is routed on every computation.
   */
  helpersCache?: HelpersCache;
}

export interface QuestionsResult {
  /** One per live question, in the order the notes came. */
  questions: QuestionStatus[];
  /** Every escalation reached by `now` of a question still unanswered, oldest first. */
  due: Escalation[];
}
