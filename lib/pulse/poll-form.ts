import { dayString, localDay } from '../digest/time';
import { err, ok, type Result } from '../model';
import { openOccurrence, upcomingOccurrence } from './schedule';
import { DEFAULT_MIN_ANSWERS, PollInputSchema, type Poll, type POLL_CADENCES, type PollInput } from './schema';

export type PollCadence = (typeof POLL_CADENCES)[number];

/** The cadences in a facilitator's words. */
export const CADENCE_LABELS: Readonly<Record<PollCadence, string>> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
  quarterly: 'Every quarter',
};

/** A poll as the options page's form holds it: strings as typed, read by `readPollForm`. */
export interface PollForm {
  question: string;
  kind: 'text' | 'choices';
  /** One choice per line. */
  choices: string;
  isAnonymous: boolean;
  cadence: PollCadence;
  /** The first occurrence day, `YYYY-MM-DD` (an `<input type="date">` value). */
  anchor: string;
  openDays: string;
  minAnswers: string;
  timeZone: string;
  isActive: boolean;
}

/** A blank poll: free text, every two weeks from a week today, k = 5, in the facilitator's zone. */
export function blankPollForm(timeZone: string, now: number): PollForm {
  return {
    question: '',
    kind: 'text',
    choices: '',
    isAnonymous: false,
    cadence: 'biweekly',
    anchor: dayString(localDay(now, timeZone) + 7),
    openDays: '3',
    minAnswers: String(DEFAULT_MIN_ANSWERS),
    timeZone,
    isActive: true,
  };
}

export function pollForm(p: PollInput | Poll): PollForm {
  return {
    question: p.question,
    kind: p.choices.length ? 'choices' : 'text',
    choices: p.choices.join('\n'),
    isAnonymous: p.isAnonymous,
    cadence: p.cadence,
    anchor: p.anchor,
    openDays: String(p.openDays),
    minAnswers: String(p.minAnswers),
    timeZone: p.timeZone,
    isActive: p.isActive,
  };
}

/** A stored poll as the input that would store it again (to pause, resume or edit one field). */
export function pollInput(p: Poll): PollInput {
  const { id: _id, updatedAt: _at, ...input } = p;
  return { ...input, choices: [...p.choices] };
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  question: 'Question',
  choices: 'Choices',
  cadence: 'How often',
  anchor: 'First occurrence',
  openDays: 'Days open before each occurrence',
  timeZone: 'Time zone',
  minAnswers: 'Answers needed before results show',
};

/** "12" -> 12; anything but a whole number -> NaN, which the schema refuses in words below. */
const whole = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/**
 * The form as a poll the endpoint accepts (`PollInputSchema`, the route's own schema), or every problem in
 * words, field first: "Answers needed before results show: must be at least 3".
 */
export function readPollForm(form: PollForm): Result<PollInput, string[]> {
  const candidate = {
    question: form.question,
    choices:
      form.kind === 'choices'
        ? form.choices
            .split('\n')
            .map((c) => c.trim())
            .filter(Boolean)
        : [],
    isAnonymous: form.isAnonymous,
    cadence: form.cadence,
    anchor: form.anchor,
    openDays: whole(form.openDays),
    timeZone: form.timeZone.trim(),
    minAnswers: whole(form.minAnswers),
    isActive: form.isActive,
  };
  const problems: string[] = [];
  if (form.kind === 'choices' && candidate.choices.length < 2) problems.push('Choices: give at least two, one a line');
  const parsed = PollInputSchema.safeParse(candidate);
  if (parsed.success && !problems.length) return ok(parsed.data);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field === 'choices' && problems.length) continue;
    problems.push(`${FIELD_LABELS[field] ?? 'Poll'}: ${wordsFor(field, issue)}`);
  }
  return err(problems);
}

function wordsFor(field: string, issue: { code: string; message: string; minimum?: unknown; maximum?: unknown }) {
  if (field === 'openDays' || field === 'minAnswers') {
    if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
    if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
    return 'must be a whole number';
  }
  if (field === 'question' && issue.code === 'too_big') return 'must be at most 300 characters';
  if (field === 'cadence') return 'must be one of the listed cadences';
  return issue.message;
}

const dateIn = (t: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(t)
    .replace(',', '');

/** Where a poll stands, in words: paused, open now until when, or when it next opens. */
export function pollStanding(p: Poll, now: number): string {
  if (!p.isActive) return 'Paused: members see nothing until you resume it.';
  const open = openOccurrence(p, now);
  if (open) return `Open now, until ${dateIn(open.closesAt - 1, p.timeZone)}.`;
  const next = upcomingOccurrence(p, now);
  return next ? `Next opens ${dateIn(next.opensAt, p.timeZone)}.` : 'No occurrence ahead.';
}

/** One line of what a poll is: "Every two weeks · open 3 days before each occurrence · results from 5 answers". */
export function pollSummary(p: PollInput | Poll): string {
  return [
    CADENCE_LABELS[p.cadence],
    `from ${p.anchor}`,
    `open ${p.openDays} ${p.openDays === 1 ? 'day' : 'days'} before each occurrence`,
    p.choices.length ? `${p.choices.length} choices` : 'free text',
    p.isAnonymous ? 'anonymous' : 'names shown',
    `results from ${p.minAnswers} answers`,
    p.timeZone,
  ].join(' · ');
}
