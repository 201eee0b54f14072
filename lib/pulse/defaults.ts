import { DEFAULT_RITUALS } from '../digest/rituals';
import { POLL_CADENCES, type PollInput } from './schema';

const huddle = DEFAULT_RITUALS.find((r) => r.kind === 'huddle')!;
/** The huddle's own cadence (bi-weekly by default), as a cadence a poll can recur on. */
const huddleCadence = POLL_CADENCES.find((c) => c === huddle.cadence) ?? 'biweekly';

/** The essay's blocker question: every two weeks, open the three days before the huddle (same anchor). */
export const BLOCKER_POLL = {
  question: "What's the one thing blocking you right now?",
  choices: [],
  isAnonymous: false,
  cadence: huddleCadence,
  anchor: huddle.anchor,
  openDays: 3,
  minAnswers: 5,
  isActive: true,
} as const satisfies Omit<PollInput, 'timeZone'>;

/** Quarterly relevance check, anonymous so that "no" is safe to say. */
export const USEFULNESS_POLL = {
  question: 'Is this community still useful to you?',
  choices: ['Yes, very', 'Somewhat', 'Not really'],
  isAnonymous: true,
  cadence: 'quarterly',
  anchor: '2026-03-31',
  openDays: 7,
  minAnswers: 5,
  isActive: true,
} as const satisfies Omit<PollInput, 'timeZone'>;

/** The polls a facilitator is offered with one click, in the community's zone. */
export function defaultPolls(timeZone: string): PollInput[] {
  return [
    { ...BLOCKER_POLL, choices: [], timeZone },
    { ...USEFULNESS_POLL, choices: [...USEFULNESS_POLL.choices], timeZone },
  ];
}
