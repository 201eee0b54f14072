import { nextOccurrence } from '../digest/rituals';
import { addMonths, dayStart, dayString, localDay, parseDay, DAY_MS } from '../digest/time';
import type { Cadence, Ritual } from '../digest/types';

export interface Occurrence {
  /** `YYYY-MM-DD` of the next occurrence (today or later) in the community's zone. */
  day: string;
  /** The instant that day begins. */
  at: number;
  /** The instant the previous occurrence's day began: what the post looks back to. */
  since: number;
}

/** The next occurrence of `ritual` at `now` and the one before it, or null for an unreadable anchor. */
export function occurrenceOf(ritual: Ritual, now: number, timeZone: string): Occurrence | null {
  const next = nextOccurrence(ritual.anchor, ritual.cadence, localDay(now, timeZone));
  const anchor = parseDay(ritual.anchor);
  if (next === null || anchor === null) return null;
  const dom = new Date(anchor * DAY_MS).getUTCDate();
  const prev =
    ritual.cadence === 'weekly'
      ? next - 7
      : ritual.cadence === 'biweekly'
        ? next - 14
        : addMonths(next, ritual.cadence === 'monthly' ? -1 : -3, dom);
  return { day: dayString(next), at: dayStart(next, timeZone), since: dayStart(prev, timeZone) };
}

/** How a post names the stretch since the previous occurrence. */
export const PERIOD: Record<Cadence, string> = {
  weekly: 'this week',
  biweekly: 'these two weeks',
  monthly: 'this month',
  quarterly: 'this quarter',
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
