import { weekdayOf, parseDay } from '../digest/time';
import type { RitualRule } from '../digest/rituals';

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * The RFC 5545 RRULE of a ritual whose DTSTART is its anchor, giving the very dates `occurrenceAt` gives.
 * A month without the anchor's day of month takes its last day (Jan 30 → Feb 28), which BYMONTHDAY alone would
 * skip. The 31st is every month's last day (BYMONTHDAY=-1, read right by every parser); the 29th and 30th list
 * the possible days and keep the last that exists (BYSETPOS=-1), as RFC 5545 allows. Mozilla's ical.js
 * (Thunderbird) 2.2.1 still ignores BYSETPOS there and adds the 28th too (kewisch/ical.js#960, fix in #985):
 * only anchors on the 29th or 30th meet it.
 * Null for an unreadable rule.
 */
export function rruleOf(rule: RitualRule): string | null {
  const day = parseDay(rule.anchor);
  if (day === null) return null;
  switch (rule.cadence) {
    case 'weekly':
      return 'FREQ=WEEKLY';
    case 'biweekly':
      return 'FREQ=WEEKLY;INTERVAL=2';
    case 'monthly':
    case 'quarterly': {
      const interval = rule.cadence === 'quarterly' ? ';INTERVAL=3' : '';
      const dom = Number(rule.anchor.slice(8));
      if (dom <= 28) return `FREQ=MONTHLY${interval};BYMONTHDAY=${dom}`;
      if (dom === 31) return `FREQ=MONTHLY${interval};BYMONTHDAY=-1`;
      const days = Array.from({ length: dom - 27 }, (_, i) => 28 + i).join(',');
      return `FREQ=MONTHLY${interval};BYMONTHDAY=${days};BYSETPOS=-1`;
    }
    case 'monthly-weekday':
      return rule.nth === undefined ? null : `FREQ=MONTHLY;BYDAY=${rule.nth}${BYDAY[weekdayOf(day)]}`;
  }
}
