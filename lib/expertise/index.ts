export { collectEvidence, topicsOf, whereOf, type EvidenceInput, type ThankLike } from './evidence';
export { asksFrom, askLoad, ASK_HALF_LIFE_DAYS, ASK_HORIZON_DAYS, type Ask } from './asks';
export { buildProfiles, decay, type ProfileOptions } from './profile';
export {
  routeQuestion,
  recentAskCounts,
  reasonsFor,
  fitOf,
  topicCounts,
  LOAD_PENALTY,
  RISING_MAX_ANSWERS,
  LOAD_WINDOW_DAYS,
  type RouteInput,
  type Suggestion,
} from './route';
export * from './types';
