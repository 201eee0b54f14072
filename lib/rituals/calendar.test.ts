import fc from 'fast-check';
import ICAL from 'ical.js';
import { rrulestr } from 'rrule';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrenceAt } from '../digest/rituals';
import { RitualSchema } from '../digest/ritual-schema';
import { dayStart, dayString, parseDay, weeksOfMonthOf, zonedTime } from '../digest/time';
import type { Cadence, Ritual, WeekOfMonth } from '../digest/types';
import { EVENT_START_MINUTES, icsText, ritualsCalendar } from './calendar';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'] as const;
const N = 30;

/** Parses a feed with Mozilla's ical.js: its VTIMEZONEs registered, then each VEVENT's first N occurrences (ms). */
function expandWithIcalJs(ics: string): Map<string, number[]> {
  const root = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const out = new Map<string, number[]>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const it = event.iterator();
    const times: number[] = [];
    for (let t = it.next(); t && times.length < N; t = it.next()) times.push(t.toJSDate().getTime());
    out.set(event.uid, times);
  }
  return out;
}

/** A ritual of `cadence` on `anchor`, with the week of the month the anchor itself is (last when it is both). */
function ritualOn(anchor: string, cadence: Cadence, preferLast = false): Ritual {
  const r: Ritual = { id: `r-${cadence}`, kind: 'huddle', title: 'Huddle', cadence, anchor };
  if (cadence !== 'monthly-weekday') return r;
  const weeks = weeksOfMonthOf(parseDay(anchor)!) as WeekOfMonth[];
  return { ...r, nth: preferLast && weeks.includes(-1) ? -1 : weeks[0]! };
}

/**
 * The dates of a feed's only event, expanded by the `rrule` package from the RRULE ical.js read: for month days
 * 29 and 30, whose BYSETPOS rule ical.js 2.2.1 expands wrongly (kewisch/ical.js#960).
 */
function expandDatesWithRrule(ics: string): string[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vevent = root.getFirstSubcomponent('vevent')!;
  const rule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
  const start = (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toString().slice(0, 10);
  const dtstart = new Date(`${start}T00:00:00Z`);
  return rrulestr(`RRULE:${rule.toString()}`, { dtstart })
    .all((_, i) => i < N)
    .map((d) => d.toISOString().slice(0, 10));
}

const isSetPosDay = (r: Ritual) => (r.cadence === 'monthly' || r.cadence === 'quarterly') && /-(29|30)$/.test(r.anchor);

const anchorArb = fc.integer({ min: parseDay('2025-01-01')!, max: parseDay('2028-12-31')! }).map(dayString);

describe('the rituals feed, read back by ical.js', () => {
  it('gives the dates of our own next-occurrence logic, 09:00 local across DST, for every cadence and zone', () => {
    fc.assert(
      fc.property(
        anchorArb,
        fc.constantFrom(...ZONES),
        fc.constantFrom<Cadence>('biweekly', 'monthly-weekday', 'weekly', 'monthly', 'quarterly'),
        fc.boolean(),
        fc.integer({ min: 0, max: 400 }),
        (anchor, zone, cadence, preferLast, ahead) => {
          const ritual = ritualOn(anchor, cadence, preferLast);
          expect(RitualSchema.safeParse(ritual).success).toBe(true);
          const ics = ritualsCalendar({
            communityId: 'c1',
            communityName: 'Ops',
            timeZone: zone,
            rituals: [ritual],
            updatedAt: 0,
          });
          if (isSetPosDay(ritual)) {
            const days = Array.from({ length: N }, (_, k) => dayString(occurrenceAt(ritual, k)!));
            expect(expandDatesWithRrule(ics)).toEqual(days);
            return;
          }
          const theirs = expandWithIcalJs(ics).get(`${ritual.id}.c1@commonplace`)!;
          const ours = Array.from({ length: N }, (_, k) =>
            zonedTime(occurrenceAt(ritual, k)!, EVENT_START_MINUTES, zone),
          );
          expect(theirs.map((t) => new Date(t).toISOString())).toEqual(ours.map((t) => new Date(t).toISOString()));
          // And the digest's "next" is the first expanded occurrence on or after any day.
          const today = parseDay(anchor)! + ahead;
          const next = theirs.find((t) => t >= dayStart(today, zone));
          if (next !== undefined)
            expect(zonedTime(nextOccurrence(ritual, today)!, EVENT_START_MINUTES, zone)).toBe(next);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('crosses DST changes in the zones that have them (so the property above tests them)', () => {
    for (const zone of ZONES) {
      const ritual = ritualOn('2026-01-01', 'monthly-weekday');
      const times = expandWithIcalJs(
        ritualsCalendar({ communityId: 'c', communityName: 'x', timeZone: zone, rituals: [ritual], updatedAt: 0 }),
      ).get('r-monthly-weekday.c@commonplace')!;
      const utcHours = new Set(times.map((t) => new Date(t).getUTCHours() * 60 + new Date(t).getUTCMinutes()));
      expect(utcHours.size).toBe(zone === 'Asia/Kolkata' ? 1 : 2);
    }
  });

  it('writes "first Thursday" and "last Friday" as BYDAY rules, and each zone once as a VTIMEZONE', () => {
    const ics = ritualsCalendar({
      communityId: 'c',
      communityName: 'Ops',
      timeZone: 'Europe/Berlin',
      rituals: [
        ritualOn('2026-01-01', 'monthly-weekday'),
        { ...ritualOn('2026-01-30', 'monthly-weekday', true), id: 'lf' },
      ],
      updatedAt: 0,
    });
    expect(ics).toContain('RRULE:FREQ=MONTHLY;BYDAY=1TH');
    expect(ics).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1FR');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260101T090000');
    expect(ics.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/g)).toHaveLength(1);
    const root = new ICAL.Component(ICAL.parse(ics));
    expect(root.getAllSubcomponents('vevent')).toHaveLength(2);
  });

  it("keeps a month-end anchor on each month's last day, as the digest does", () => {
    const feed = (anchor: string) =>
      ritualsCalendar({
        communityId: 'c',
        communityName: 'x',
        timeZone: 'UTC',
        rituals: [ritualOn(anchor, 'monthly')],
        updatedAt: 0,
      });
    const days = (times: number[]) => times.slice(0, 4).map((t) => new Date(t).toISOString().slice(0, 10));
    expect(days(expandWithIcalJs(feed('2026-01-31')).get('r-monthly.c@commonplace')!)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(expandDatesWithRrule(feed('2027-12-30')).slice(0, 4)).toEqual([
      '2027-12-30',
      '2028-01-30',
      '2028-02-29',
      '2028-03-30',
    ]);
  });

  it('cannot be given extra properties by a community name or a ritual title', () => {
    const hostile = 'Ops;x,y\\z\r\nEND:VCALENDAR\nX-EVIL:1';
    const ics = ritualsCalendar({
      communityId: 'c',
      communityName: hostile,
      timeZone: 'UTC',
      rituals: [{ ...ritualOn('2026-01-01', 'weekly'), title: hostile }],
      updatedAt: 0,
    });
    expect(ics).not.toMatch(/^X-EVIL/m);
    expect(ics.match(/^END:VCALENDAR/gm)).toHaveLength(1);
    const root = new ICAL.Component(ICAL.parse(ics));
    // ical.js leaves X- properties' text escaped: one line, with the break written as \\n.
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Ops\\;x\\,y\\\\z\\nEND:VCALENDAR\\nX-EVIL:1 rituals');
    expect(new ICAL.Event(root.getFirstSubcomponent('vevent')!).summary).toBe(hostile.replace('\r\n', '\n'));
    expect(icsText('a\u0000b')).toBe('ab');
  });
});
