import { DAY_MS, dayStart, localDay } from '../digest/time';

/**
 * Calendar months in one IANA zone, as instants: the impact ledger's bins (server/src/impact/aggregate.ts) and the
 * report's months (quarter.ts) are both cut here. Edges are local midnights found by lib/digest/time's `dayStart`, so
 * a month across a DST change (Europe/London's March and October, Australia/Lord_Howe's half hour) is exactly its
 * local days.
 */

/** `YYYY-MM` of the local calendar month holding instant `at` in `timeZone`. */
export const monthKeyOf = (at: number, timeZone: string): string =>
  new Date(localDay(at, timeZone) * DAY_MS).toISOString().slice(0, 7);

/** The instant local month `month` months after the one of local day `day` begins. */
function monthStartFrom(day: number, month: number, timeZone: string): number {
  const d = new Date(day * DAY_MS);
  return dayStart(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + month, 1) / DAY_MS, timeZone);
}

/** The instant the local month holding `at` begins. */
export const monthStart = (at: number, timeZone: string): number => monthStartFrom(localDay(at, timeZone), 0, timeZone);

/** The instant the local month after the one holding `at - 1` begins: an exclusive end widened to a whole month. */
export const monthEnd = (at: number, timeZone: string): number =>
  monthStartFrom(localDay(at - 1, timeZone), 1, timeZone);

/** Every local month from `from` (a month start) up to, not including, `to` (a month start), oldest first. */
export function monthsBetween(from: number, to: number, timeZone: string): { key: string; from: number; to: number }[] {
  const months: { key: string; from: number; to: number }[] = [];
  for (let start = from; start < to;) {
    const end = monthEnd(start + 1, timeZone);
    months.push({ key: monthKeyOf(start, timeZone), from: start, to: end });
    start = end;
  }
  return months;
}

/** How many local months [from, to) touches, counted without walking them (a bound checked before any walk). */
export function monthCount(from: number, to: number, timeZone: string): number {
  const index = (at: number) => {
    const [y, m] = monthKeyOf(at, timeZone).split('-').map(Number);
    return y! * 12 + m!;
  };
  return to > from ? index(to - 1) - index(from) + 1 : 0;
}
