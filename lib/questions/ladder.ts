import { z } from 'zod';

export const HOUR_MS = 3_600_000;

/** The rungs a question climbs while nobody answers it, in order. */
export const RUNGS = ['helpers', 'facilitator', 'huddle'] as const;
export type Rung = (typeof RUNGS)[number];

/**
 * One community's escalation ladder: hours after harvest (or after the asker said an answer did not answer it)
 * at which an unanswered question reaches each rung. Defaults from practitioners (issue 16): 12 h → members who
 * answered similar questions, 48 h → the facilitator, then the next huddle's agenda.
 */
export const LadderSchema = z
  .strictObject({
    isEnabled: z.boolean(),
    helpersAfterHours: z
      .number()
      .positive()
      .max(24 * 90),
    facilitatorAfterHours: z
      .number()
      .positive()
      .max(24 * 90),
    huddleAfterHours: z
      .number()
      .positive()
      .max(24 * 90),
    /** A first-time asker reaches each rung at the previous rung's delay (the facilitator at 12 h, not 48 h). */
    isFirstTimeSkip: z.boolean(),
  })
  .refine(
    (l) => l.helpersAfterHours <= l.facilitatorAfterHours && l.facilitatorAfterHours <= l.huddleAfterHours,
    'each rung must come no earlier than the one before it (helpers ≤ facilitator ≤ huddle)',
  );
export type Ladder = z.infer<typeof LadderSchema>;

export const DEFAULT_LADDER: Ladder = Object.freeze({
  isEnabled: true,
  helpersAfterHours: 12,
  facilitatorAfterHours: 48,
  huddleAfterHours: 72,
  isFirstTimeSkip: true,
});

/** Each community's ladder by community id; a community without one climbs `DEFAULT_LADDER`. */
export const LaddersSchema = z.record(z.string().max(128), LadderSchema);
export type Ladders = Readonly<Record<string, Ladder>>;

/** Hours each rung is reached after the ladder's clock started, for an asker who is or is not new. */
export function rungDelays(ladder: Ladder, isFirstTime: boolean): Record<Rung, number> {
  const h = [ladder.helpersAfterHours, ladder.facilitatorAfterHours, ladder.huddleAfterHours];
  const skip = isFirstTime && ladder.isFirstTimeSkip;
  return {
    helpers: h[0]! * HOUR_MS,
    facilitator: (skip ? h[0]! : h[1]!) * HOUR_MS,
    huddle: (skip ? h[1]! : h[2]!) * HOUR_MS,
  };
}
