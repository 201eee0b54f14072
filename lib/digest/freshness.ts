import type { Digest } from './types';

/**
 * How a stored ready digest relates to what a new tab needs now:
 * - `current`: same day, zone and settings, no change seen since it was computed: paint it, done;
 * - `pending`: the same, but a change was seen since (the background is recomputing): paint it, wait;
 * - `stale`: another day, zone or settings: paint it marked as updating and recompute in the page;
 * - `none`: nothing stored yet.
 */
export type Freshness = 'current' | 'pending' | 'stale' | 'none';

export function freshness(
  ready: { digest: Pick<Digest, 'day' | 'timeZone'>; settingsKey: string; computedAt: number } | null,
  pending: number | null,
  want: { day: string; timeZone: string; settingsKey: string },
): Freshness {
  if (!ready) return 'none';
  const { day, timeZone } = ready.digest;
  if (day !== want.day || timeZone !== want.timeZone || ready.settingsKey !== want.settingsKey) return 'stale';
  return pending !== null && pending > ready.computedAt ? 'pending' : 'current';
}
