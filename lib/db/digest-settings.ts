import { storage } from 'wxt/utils/storage';
import type { Ritual } from '../digest';

/** Minimal mode: a quiet new tab with the search box only. */
export const minimalMode = storage.defineItem<boolean>('local:digest:minimal', { fallback: false, version: 1 });

/**
 * Each community's edited ritual schedule (local until sync carries it); parse with `parseSchedules`. Shared by
 * the new tab and the background, which computes the digest with the same schedules.
 */
export const ritualSchedules = storage.defineItem<Record<string, Ritual[]>>('local:digest:rituals', {
  fallback: {},
  version: 1,
});

/**
 * The settings the digest is computed with, as stored (unparsed: parsing needs zod, which the new tab's first
 * paint does without; `settingsKey` compares the stored form).
 */
export async function readDigestSettings(): Promise<{ isMinimal: boolean; rawRituals: unknown }> {
  const [isMinimal, rawRituals] = await Promise.all([minimalMode.getValue(), ritualSchedules.getValue()]);
  return { isMinimal, rawRituals };
}
