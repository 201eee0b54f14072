/**
 * The report's one privacy rule, in one place: a figure is shown only when at least `k` people stand behind it,
 * and `k` is never below 5 whatever a caller or an endpoint says. A hidden figure is `null`, so no renderer can
 * print its number by mistake: it has none.
 */
export const MIN_PEOPLE = 5;

/** A figure with the number of distinct people behind it; `null` when fewer than `k` people are. */
export type Cell<T> = { people: number; value: T } | null;

/** The smallest group a report may show: the endpoint's `k` when it is stricter, never less than 5. */
export const reportK = (k: number | undefined): number =>
  Math.max(MIN_PEOPLE, Number.isFinite(k) ? Math.ceil(k as number) : MIN_PEOPLE);

/** `value` as a cell when `people` reach `k`; otherwise hidden. */
export function cell<T>(people: number, k: number, value: T): Cell<T> {
  return people >= reportK(k) ? { people, value } : null;
}
