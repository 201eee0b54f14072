import { DAY_MS, dayStart, localDay } from '../digest/time';

/** One calendar month of the report, as instants: inclusive start, exclusive end. */
export interface ReportMonth {
  /** `YYYY-MM`, the key the ledger's `byMonth` uses. */
  key: string;
  /** "October 2026". */
  label: string;
  from: number;
  to: number;
}

/** The quarter a report covers, in the facilitator's time zone. */
export interface ReportQuarter {
  /** "2026 Q4". */
  label: string;
  timeZone: string;
  from: number;
  to: number;
  months: ReportMonth[];
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const firstOfMonth = (year: number, month: number) => Date.UTC(year, month, 1) / DAY_MS;

/** "October 2026" for the key `2026-10`. */
export function monthLabel(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return `${MONTH_NAMES[month! - 1] ?? key} ${year}`;
}

/**
 * The calendar quarter `now` falls in, in `timeZone`. Month edges are local midnights found by `dayStart`, so a
 * month that starts or ends across a DST change is still exactly its local days (never an hour short or long).
 */
export function quarterOf(now: number, timeZone: string): ReportQuarter {
  const today = new Date(localDay(now, timeZone) * DAY_MS);
  const year = today.getUTCFullYear();
  const q = Math.floor(today.getUTCMonth() / 3);
  const months: ReportMonth[] = [0, 1, 2].map((i) => {
    const m = q * 3 + i;
    return {
      key: `${year}-${String(m + 1).padStart(2, '0')}`,
      label: `${MONTH_NAMES[m]} ${year}`,
      from: dayStart(firstOfMonth(year, m), timeZone),
      to: dayStart(firstOfMonth(year, m + 1), timeZone),
    };
  });
  return { label: `${year} Q${q + 1}`, timeZone, from: months[0]!.from, to: months[2]!.to, months };
}
