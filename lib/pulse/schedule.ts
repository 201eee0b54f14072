import { nextOccurrence } from '../digest/rituals';
import { dayStart, dayString, localDay, parseDay } from '../digest/time';
import type { Cadence } from '../digest/types';

/** What scheduling needs of a poll (a stored Poll or a PollInput). */
export interface PollTiming {
  cadence: Cadence;
  anchor: string;
  openDays: number;
  timeZone: string;
}

export interface PollOccurrence {
  /** The occurrence day, `YYYY-MM-DD` in the poll's zone. */
  key: string;
  /** Start of the local day `openDays` before the occurrence day. */
  opensAt: number;
  /** Start of the occurrence day (the huddle): answers stop, results are read there. */
  closesAt: number;
}

/**
 * The occurrence whose window holds `now`, or null when none is open. Occurrence days follow the rituals'
 * cadence (lib/digest nextOccurrence: local days, months keep the anchor's day), and the window's edges are
 * local midnights, so a poll opens at the same wall-clock time whatever DST did in between.
 */
export function openOccurrence(poll: PollTiming, now: number): PollOccurrence | null {
  const next = upcomingOccurrence(poll, now);
  return next && now >= next.opensAt ? next : null;
}

/** The first occurrence whose day starts after `now` (open or not yet), or null for an unreadable anchor. */
export function upcomingOccurrence(poll: PollTiming, now: number): PollOccurrence | null {
  if (parseDay(poll.anchor) === null) return null;
  const today = localDay(now, poll.timeZone);
  const day = nextOccurrence(poll, today + 1);
  if (day === null) return null;
  return occurrenceOn(poll, day);
}

/** The occurrence on local day `day` (days since 1970-01-01). */
export function occurrenceOn(poll: PollTiming, day: number): PollOccurrence {
  return {
    key: dayString(day),
    opensAt: dayStart(day - poll.openDays, poll.timeZone),
    closesAt: dayStart(day, poll.timeZone),
  };
}

/** The occurrence named `key` when it is a day of the poll's cadence, else null (a made-up key). */
export function occurrenceByKey(poll: PollTiming, key: string): PollOccurrence | null {
  const day = parseDay(key);
  if (day === null) return null;
  return nextOccurrence(poll, day) === day ? occurrenceOn(poll, day) : null;
}
