import ical, { ICalCalendarMethod } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Ritual } from '../digest/types';
import { rruleOf } from './rrule';

/** Each ritual's event starts at the local hour its post goes out (server/src/rituals/schedule.ts POST_HOUR). */
export const EVENT_START_MINUTES = 9 * 60;
export const EVENT_MINUTES = 60;

export interface CalendarInput {
  communityId: string;
  communityName: string;
  /** The community's IANA zone: every event is written in it, with its VTIMEZONE. */
  timeZone: string;
  rituals: readonly Ritual[];
  /** When the schedule last changed: each event's DTSTAMP, so the same schedule gives the same bytes (ETag). */
  updatedAt: number;
}

/** `HH:MM:SS` wall-clock time for minutes after midnight. */
const wall = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

/**
 * RFC 5545 TEXT escaping (3.3.11), for the calendar's name: ical-generator escapes event text but writes NAME and
 * X-WR-CALNAME as given, so a community name with a line break would add properties of its own.
 */
export const icsText = (s: string): string =>
  s
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '');

/** The zone's VTIMEZONE, from timezones-ical-library's tz database build; throws for a zone it does not know. */
function vtimezone(zone: string): string {
  const block = tzlib_get_ical_block(zone);
  const text = Array.isArray(block) ? block[0] : undefined;
  if (!text?.startsWith('BEGIN:VTIMEZONE')) throw new RangeError(`No VTIMEZONE for ${zone}`);
  return text;
}

/**
 * The community's rituals as an iCalendar feed (RFC 5545): one recurring event per ritual, written in the
 * community's zone with its VTIMEZONE, so a calendar app keeps 09:00 local across DST changes. Titles are member
 * text: ical-generator escapes them (and
 * `icsText` the calendar's name), so they cannot add properties.
 */
export function ritualsCalendar(input: CalendarInput): string {
  const cal = ical({
    prodId: { company: 'Commonplace', product: 'Rituals', language: 'EN' },
    name: icsText(`${input.communityName} rituals`),
    method: ICalCalendarMethod.PUBLISH,
    ttl: 6 * 3600,
    timezone: { name: null, generator: vtimezone },
  });
  for (const ritual of input.rituals) {
    const repeating = rruleOf(ritual);
    if (repeating === null) continue;
    const end = EVENT_START_MINUTES + EVENT_MINUTES;
    cal.createEvent({
      id: `${ritual.id}.${input.communityId}@commonplace`,
      stamp: new Date(input.updatedAt),
      start: `${ritual.anchor}T${wall(EVENT_START_MINUTES)}`,
      end: `${ritual.anchor}T${wall(end)}`,
      timezone: input.timeZone,
      summary: ritual.title,
      repeating,
    });
  }
  return cal.toString();
}
