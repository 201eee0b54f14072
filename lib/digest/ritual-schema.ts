import { z } from 'zod';
import { parseDay, weeksOfMonthOf } from './time';
import { CADENCES, RITUAL_KINDS, WEEKS_OF_MONTH, type Ritual } from './types';

const WEEK_NAMES: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

export const RitualSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    kind: z.enum(RITUAL_KINDS),
    title: z.string().trim().min(1).max(80),
    cadence: z.enum(CADENCES),
    anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    nth: z.union(WEEKS_OF_MONTH.map((n) => z.literal(n))).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.cadence !== 'monthly-weekday') {
      if (r.nth !== undefined) ctx.addIssue({ code: 'custom', path: ['nth'], message: 'only for monthly-weekday' });
      return;
    }
    const day = parseDay(r.anchor);
    if (day === null) {
      ctx.addIssue({ code: 'custom', path: ['anchor'], message: 'must be a real date (YYYY-MM-DD)' });
    } else if (r.nth === undefined) {
      ctx.addIssue({ code: 'custom', path: ['nth'], message: 'monthly-weekday needs its week (1-4 or -1 for last)' });
    } else if (!weeksOfMonthOf(day).includes(r.nth)) {
      ctx.addIssue({
        code: 'custom',
        path: ['anchor'],
        message: `must itself be the ${WEEK_NAMES[r.nth]} of its weekday in its month`,
      });
    }
  }) satisfies z.ZodType<Ritual>;

export const RitualSchedulesSchema = z.record(z.string().max(128), z.array(RitualSchema).max(20));

/** Stored schedules, keeping only well-formed ones: settings are data we once wrote, but storage can be edited. */
export function parseSchedules(value: unknown): Record<string, Ritual[]> {
  const parsed = RitualSchedulesSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
