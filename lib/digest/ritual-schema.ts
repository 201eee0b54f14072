import { z } from 'zod';
import { CADENCES, RITUAL_KINDS, type Ritual } from './types';

export const RitualSchema = z.strictObject({
  id: z.string().min(1).max(64),
  kind: z.enum(RITUAL_KINDS),
  title: z.string().trim().min(1).max(80),
  cadence: z.enum(CADENCES),
  anchor: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const RitualSchedulesSchema = z.record(z.string().max(128), z.array(RitualSchema).max(20));

/** Stored schedules, keeping only well-formed ones: settings are data we once wrote, but storage can be edited. */
export function parseSchedules(value: unknown): Record<string, Ritual[]> {
  const parsed = RitualSchedulesSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
}
