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

/**
 * The `from`/`to` to ask the ledger's summary for, so that its months are this quarter's calendar months whatever
 * the community's zone: the middle of the first and of the last month. No two zones are more than 26 hours apart,
 * so each instant lies in the same calendar month everywhere, and the endpoint widens them to whole months in its
 * own zone. (Asking with the quarter's local edges would add a month wherever the community's zone is behind.)
 */
export function ledgerQuery(period: ReportQuarter): { from: number; to: number } {
  const middle = (m: ReportMonth) => Math.floor((m.from + m.to) / 2);
  return { from: middle(period.months[0]!), to: middle(period.months.at(-1)!) + 1 };
}
