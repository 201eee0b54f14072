import { z } from 'zod';
import { TimeZoneSchema } from '../model/time-zone';
import { IMPACT_SOURCES } from './sources';
import { MINUTES_SAVED_CHOICES, type ImpactEntry, type LedgerSummary } from './types';

/** The smallest number of people a ledger cell may count; a community may ask for more, never fewer. */
export const FLOOR_MIN_PEOPLE = 5;
/** The longest period one summary covers, in whole months (a quarterly report needs 3; a few years is plenty). */
export const MAX_SUMMARY_MONTHS = 36;

const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');
const IsoTime = z.iso.datetime({ offset: true });
const MinutesSavedSchema = z
  .number()
  .refine((n) => (MINUTES_SAVED_CHOICES as readonly number[]).includes(n), 'must be 0, 5, 30 or 120');

/**
 * One answer to the prompt, as a member sends it: the endpoint adds the community and the member from the token.
 * Something must be answered (time saved, "no", or an outcome); a linked outcome note needs an outcome.
 */
export const ImpactEntryInputSchema = z
  .strictObject({
    id: Uuid,
    noteId: Uuid,
    source: z.enum(IMPACT_SOURCES),
    openedAt: IsoTime,
    answeredAt: IsoTime,
    minutesSaved: MinutesSavedSchema.nullable(),
    outcome: z.enum(['win', 'story']).nullable(),
    outcomeNoteId: Uuid.nullable(),
  })
  .refine((e) => e.minutesSaved !== null || e.outcome !== null, {
    message: 'answer at least one question (minutesSaved or outcome)',
    path: ['minutesSaved'],
  })
  .refine((e) => e.outcomeNoteId === null || e.outcome !== null, {
    message: 'an outcome note needs an outcome (win or story)',
    path: ['outcomeNoteId'],
  })
  .refine((e) => Date.parse(e.answeredAt) >= Date.parse(e.openedAt), {
    message: 'must not be before openedAt',
    path: ['answeredAt'],
  });
export type ImpactEntryInput = z.infer<typeof ImpactEntryInputSchema>;

export const ImpactEntrySchema = z.strictObject({
  id: z.string(),
  communityId: z.string(),
  noteId: z.string(),
  memberId: z.string(),
  source: z.enum(IMPACT_SOURCES),
  openedAt: z.string(),
  answeredAt: z.string(),
  minutesSaved: z.union(MINUTES_SAVED_CHOICES.map((n) => z.literal(n))).nullable(),
  outcome: z.enum(['win', 'story']).nullable(),
  outcomeNoteId: z.string().nullable(),
}) satisfies z.ZodType<ImpactEntry>;

export const ImpactEntryListSchema = z.strictObject({ entries: z.array(ImpactEntrySchema) });

/**
 * `from`/`to` of a summary: any ISO times; the endpoint widens them to whole local months in the community's zone.
 * No zone here: a reader who could pick the zone could subtract two summaries cut at different edges.
 */
export const LedgerSummaryQuerySchema = z.strictObject({ from: IsoTime, to: IsoTime });

const LedgerCellSchema = z.strictObject({
  members: z.number(),
  entries: z.number(),
  minutesSaved: z.number(),
  medianMinutes: z.number(),
  wins: z.number(),
  stories: z.number(),
});

export const LedgerSummarySchema = z.strictObject({
  communityId: z.string(),
  from: z.string(),
  to: z.string(),
  // An endpoint from before its ledger had a zone (migration 017) sends none: its months were UTC's.
  timeZone: z.string().default('UTC'),
  k: z.number(),
  total: LedgerCellSchema.nullable(),
  byMonth: z.array(z.strictObject({ month: z.string(), cell: LedgerCellSchema.nullable() })),
  bySource: z.array(z.strictObject({ source: z.enum(IMPACT_SOURCES), cell: LedgerCellSchema.nullable() })),
  outcomes: z.array(
    z.strictObject({ noteId: z.string(), outcome: z.enum(['win', 'story']), outcomeNoteId: z.string().nullable() }),
  ),
  named: z.array(z.strictObject({ memberId: z.string(), displayName: z.string() })),
}) satisfies z.ZodType<LedgerSummary>;

/** "Name me in impact reports": off until the member switches it on; `changedAt` null when never changed. */
export const ReportConsentInputSchema = z.strictObject({ isNamed: z.boolean() });
export const ReportConsentSchema = z.strictObject({ isNamed: z.boolean(), changedAt: z.number().nullable() });
export type ReportConsent = z.infer<typeof ReportConsentSchema>;

const KSchema = z.number().int().min(FLOOR_MIN_PEOPLE, `must be at least ${FLOOR_MIN_PEOPLE}`).max(1000);

/**
 * A community's ledger settings as an admin sets them: `k`, the smallest group a cell may count, and optionally
 * `timeZone`, the IANA zone whose calendar months the ledger counts in (absent: unchanged; 'UTC' until set).
 */
export const ImpactSettingsSchema = z.strictObject({ k: KSchema, timeZone: TimeZoneSchema.optional() });
export type ImpactSettingsInput = z.infer<typeof ImpactSettingsSchema>;

/** A community's ledger settings as the endpoint holds them. */
export const ImpactSettingsViewSchema = z.strictObject({ k: z.number(), timeZone: z.string() });
export type ImpactSettings = z.infer<typeof ImpactSettingsViewSchema>;

/** A facilitator's address for the weekly summary by e-mail; null switches it off (the default). */
export const WeeklySummaryInputSchema = z.strictObject({
  email: z.email('must be an e-mail address').max(254, 'must be at most 254 characters').nullable(),
});
/** The caller's own address, and whether this endpoint can send mail at all (`notice` says why not). */
export const WeeklySummarySchema = z.strictObject({
  email: z.string().nullable(),
  isMailConfigured: z.boolean(),
  notice: z.string().nullable(),
});
export type WeeklySummarySetting = z.infer<typeof WeeklySummarySchema>;
