import { storage } from 'wxt/utils/storage';
import type { Ritual } from '@/lib/digest';

/** Minimal mode: a quiet new tab with the search box only. */
export const minimalMode = storage.defineItem<boolean>('local:digest:minimal', { fallback: false, version: 1 });

/** Each community's edited ritual schedule (local until sync carries it); parse with `parseSchedules`. */
export const ritualSchedules = storage.defineItem<Record<string, Ritual[]>>('local:digest:rituals', {
  fallback: {},
  version: 1,
});
