/** Calendar arithmetic in an IANA time zone, without a date library: "this week" is the user's week. */
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for an unknown zone, so bad settings fail loudly before any computation. */
export function assertTimeZone(timeZone: string): void {
  format(timeZone);
}

/** The wall-clock time at instant `t` in `timeZone`, expressed as if it were UTC. */
function wallClock(t: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of format(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** Local calendar day of instant `t`, as days since 1970-01-01. */
export function localDay(t: number, timeZone: string): number {
  return Math.floor(wallClock(t, timeZone) / DAY_MS);
}

/** The instant local day `day` begins (its first existing minute when a DST gap swallows midnight). */
export function dayStart(day: number, timeZone: string): number {
  const wall = day * DAY_MS;
  let t = wall - (wallClock(wall, timeZone) - wall);
  t = wall - (wallClock(t, timeZone) - t);
  while (localDay(t, timeZone) < day) t += 3_600_000;
  while (localDay(t - 1, timeZone) >= day) t -= 3_600_000;
  return t;
}

/** The Monday (ISO week start) of local day `day`; 1970-01-01 was a Thursday. */
export function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** `YYYY-MM-DD` for a local day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Local day number of a `YYYY-MM-DD` string, or null when it is not a real date. */
export function parseDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayString(t / DAY_MS) === s ? t / DAY_MS : null;
}

/** Adds calendar months to a day, keeping the anchor's day of month (clamped: Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number, anchorDom: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(anchorDom, last)) / DAY_MS;
}

/** Day of the week of a day number: 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The `nth` `weekday` (0 Sunday ... 6 Saturday) of the month that `monthOffset` months after day `day`'s month
 * is, as a day number; `nth` -1 is the last one. Every month has a 1st to 4th and a last of each weekday.
 */
export function nthWeekdayOfMonth(day: number, monthOffset: number, weekday: number, nth: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + monthOffset;
  if (nth === -1) {
    const last = Date.UTC(y, m + 1, 0) / DAY_MS;
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = Date.UTC(y, m, 1) / DAY_MS;
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
}

/** Which weeks of its month `day` falls in as its weekday: [n] for the n-th, plus -1 when it is also the last. */
export function weeksOfMonthOf(day: number): number[] {
  const dom = new Date(day * DAY_MS).getUTCDate();
  const out = dom <= 28 ? [Math.ceil(dom / 7)] : [];
  if (nthWeekdayOfMonth(day, 0, weekdayOf(day), -1) === day) out.push(-1);
  return out;
}

/** The instant local wall-clock time `minutes` after midnight of local day `day` is (later in a DST gap). */
export function zonedTime(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY_MS + minutes * 60_000;
  let t = wall - (wallClock(wall, timeZone) - wall);
  t = wall - (wallClock(t, timeZone) - t);
  return t;
}
