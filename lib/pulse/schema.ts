import { z } from 'zod';
import { safeText, TimeZoneSchema } from '../model';
/**
 * The cadences a poll recurs on: a fixed anchor day and a step. The rituals' "nth weekday of the month" needs a
 * week number polls don't carry yet, so it is refused here with a clear error rather than accepted and never
 * opened.
 */
export const POLL_CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
import { parseDay } from '../digest/time';

/** Results stay hidden until this many members answered an occurrence, unless the poll says more. */
export const DEFAULT_MIN_ANSWERS = 5;
/** Below three, "who said what" is guessable from who answered: no poll may go lower. */
export const FLOOR_MIN_ANSWERS = 3;
export const MAX_CHOICES = 12;
export const MAX_ANSWER_CHARS = 1000;

const PollText = safeText(300).pipe(z.string().trim().min(1, 'must not be empty'));
const ChoiceText = safeText(120).pipe(z.string().trim().min(1, 'must not be empty'));

/**
 * A poll as a facilitator schedules it. It recurs on `cadence` from `anchor` (a `YYYY-MM-DD` occurrence day,
 * e.g. a huddle's); each occurrence is open for the `openDays` local days before that day, in `timeZone`.
 */
export const PollInputSchema = z
  .strictObject({
    question: PollText,
    /** Absent or empty: free text. Otherwise members pick exactly one of these. */
    choices: z.array(ChoiceText).max(MAX_CHOICES).default([]),
    isAnonymous: z.boolean().default(false),
    cadence: z.enum(POLL_CADENCES),
    anchor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
      .refine((s) => parseDay(s) !== null, 'must be a real date'),
    /** 1..7: a window never longer than the shortest cadence, so two occurrences never overlap. */
    openDays: z.number().int().min(1).max(7).default(3),
    timeZone: TimeZoneSchema,
    minAnswers: z.number().int().min(FLOOR_MIN_ANSWERS).max(10_000).default(DEFAULT_MIN_ANSWERS),
    isActive: z.boolean().default(true),
  })
  .refine((p) => p.choices.length !== 1, { message: 'a choice poll needs at least two choices', path: ['choices'] })
  .refine((p) => new Set(p.choices).size === p.choices.length, {
    message: 'choices must differ',
    path: ['choices'],
  });
export type PollInput = z.infer<typeof PollInputSchema>;

export const PollSchema = z.strictObject({
  id: z.uuid(),
  question: z.string(),
  choices: z.array(z.string()),
  isAnonymous: z.boolean(),
  cadence: z.enum(POLL_CADENCES),
  anchor: z.string(),
  openDays: z.number().int(),
  timeZone: z.string(),
  minAnswers: z.number().int(),
  isActive: z.boolean(),
  updatedAt: z.number().int(),
});
export type Poll = z.infer<typeof PollSchema>;

/** A member's answer: exactly one of a choice (choice polls) or free text. */
export const AnswerInputSchema = z.union([
  z.strictObject({ choice: ChoiceText }),
  z.strictObject({ text: safeText(MAX_ANSWER_CHARS).pipe(z.string().trim().min(1, 'must not be empty')) }),
]);
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

export const OccurrenceSchema = z.strictObject({
  /** The occurrence day, `YYYY-MM-DD`: the poll's id and this name one occurrence. */
  key: z.string(),
  opensAt: z.number().int(),
  closesAt: z.number().int(),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;

export const OpenPollSchema = z.strictObject({
  poll: PollSchema,
  occurrence: OccurrenceSchema,
  hasAnswered: z.boolean(),
});
export const OpenPollListSchema = z.strictObject({ open: z.array(OpenPollSchema) });
export type OpenPoll = z.infer<typeof OpenPollSchema>;
export const PollListSchema = z.strictObject({ polls: z.array(PollSchema) });

/**
 * An occurrence's results. Below `minAnswers` only how many answered is said (never which choice, never a
 * word): `isWithheld: true`, no `counts`, no `answers`. An anonymous poll's answers never carry a member.
 */
export const PollResultsSchema = z.strictObject({
  pollId: z.uuid(),
  occurrence: z.string(),
  answerCount: z.number().int().nonnegative(),
  minAnswers: z.number().int(),
  isWithheld: z.boolean(),
  counts: z.record(z.string(), z.number().int()).optional(),
  answers: z
    .array(z.strictObject({ text: z.string(), member: z.strictObject({ id: z.uuid(), name: z.string() }).optional() }))
    .optional(),
});
export type PollResults = z.infer<typeof PollResultsSchema>;
