export * from './types';
export { questionStates } from './states';
export { QuestionEventSchema, type QuestionEvent, type QuestionEventType } from './events';
export {
  DEFAULT_LADDER,
  HOUR_MS,
  LadderSchema,
  LaddersSchema,
  RUNGS,
  rungDelays,
  type Ladder,
  type Ladders,
  type Rung,
} from './ladder';
export { isPrivateQuestion } from './privacy';
export { helperRouter, helpersFor, routeTime } from './helpers';
export { HelpersCache, routingVersion, type SavedHelpers } from './helpers-cache';
export { announceable, escalatedTo, huddleAgenda, isUnanswered } from './views';
export { questionBoard, type BoardLine, type QuestionBoard } from './board';
export { relayDraft, GIST_MAX } from './relay-draft';
export { relayPlan, relayLink, type RelayPlan } from './relay-plan';
export { relayableAnswer } from './may-relay';
export { findThreadTab, isThreadTab, type OpenTab } from './thread-tab';
