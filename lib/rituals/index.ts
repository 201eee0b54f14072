export * from './document';
export { composeRitualPost, LIST_MAX, STALE_MS, BLOCKER_TAGS, type ComposeInput } from './compose';
export { occurrenceOf, longDate, type Occurrence } from './occurrence';
export { creditsByReuse, peopleCount, type ReuseCredit } from './thanks';
export { openQuestions, isAnnounceable, type OpenQuestionView } from './harvest';
