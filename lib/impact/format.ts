import type { Cell } from './cell';

/** What a hidden figure says instead of a number. */
export const hidden = (k: number) => `fewer than ${k} people`;

/** The words of a cell: its figure, or "fewer than k people"; never the number of a hidden one. */
export function cellText<T>(c: Cell<T>, k: number, show: (v: T) => string): string {
  return c === null ? hidden(k) : show(c.value);
}

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const count = (n: number) => int.format(n);

export const percent = (share: number) => `${int.format(share * 100)}%`;

/** Minutes as a sponsor reads them: "45 min", "12.5 hours". */
export function minutes(m: number): string {
  return m < 60 ? `${int.format(m)} min` : `${one.format(m / 60)} hours`;
}

/** A wait, in the largest unit that keeps it readable: "40 min", "5.5 hours", "3.2 days". */
export function duration(ms: number): string {
  const m = ms / 60_000;
  if (m < 60) return `${int.format(m)} min`;
  if (m < 48 * 60) return `${one.format(m / 60)} hours`;
  return `${one.format(m / 1440)} days`;
}

/** A report date in its own zone: "5 December 2026". */
export function reportDate(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(t);
}
