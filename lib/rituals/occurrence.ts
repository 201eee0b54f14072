import { nextOccurrenceIndex, occurrenceAt } from '../digest/rituals';
import { dayStart, dayString, localDay } from '../digest/time';
import type { Cadence, Ritual } from '../digest/types';

export interface Occurrence {
  /** `YYYY-MM-DD` of the next occurrence (today or later) in the community's zone. */
  day: string;
  /** The instant that day begins. */
  at: number;
  /** The instant the previous occurrence's day began: what the post looks back to. */
  since: number;
}

/** The next occurrence of `ritual` at `now` and the one before it, or null for an unreadable rule. */
export function occurrenceOf(ritual: Ritual, now: number, timeZone: string): Occurrence | null {
  const k = nextOccurrenceIndex(ritual, localDay(now, timeZone));
  if (k === null) return null;
  const next = occurrenceAt(ritual, k)!;
  const prev = occurrenceAt(ritual, k - 1)!;
  return { day: dayString(next), at: dayStart(next, timeZone), since: dayStart(prev, timeZone) };
}

/** How a post names the stretch since the previous occurrence. */
export const PERIOD: Record<Cadence, string> = {
  weekly: 'this week',
  biweekly: 'these two weeks',
  monthly: 'this month',
  quarterly: 'this quarter',
  'monthly-weekday': 'this month',
};

/** "Thursday 15 January 2026" for a `YYYY-MM-DD` day: the date as the post's readers say it. */
export function longDate(day: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
    .format(new Date(`${day}T00:00:00Z`))
    .replace(',', '');
}
