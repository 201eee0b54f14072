import { reportK, type Cell } from './cell';

/** One part of an additive breakdown (parts that sum to a shown total), with the people behind it. */
export interface Part<T> {
  people: ReadonlySet<string>;
  value: T;
}

/**
 * Cells for parts that add up to a total the report shows, with secondary suppression: hiding a small part is not
 * enough when "total minus the shown parts" gives it back. Whenever parts are hidden, the people behind the hidden
 * parts together must reach `k`; otherwise the smallest shown parts are hidden too, until they do (or all are).
 * Hidden parts nobody stands behind reveal nothing by subtraction (zero), so they need no company.
 */
export function additiveCells<T>(parts: readonly Part<T>[], k: number): Cell<T>[] {
  const min = reportK(k);
  const isHidden = parts.map((p) => p.people.size < min);
  const hiddenPeople = () => {
    const s = new Set<string>();
    parts.forEach((p, i) => isHidden[i] && p.people.forEach((id) => s.add(id)));
    return s.size;
  };
  const order = parts.map((_, i) => i).sort((a, b) => parts[a]!.people.size - parts[b]!.people.size || a - b);
  while (hiddenPeople() > 0 && hiddenPeople() < min) {
    const next = order.find((i) => !isHidden[i]);
    if (next === undefined) break;
    isHidden[next] = true;
  }
  return parts.map((p, i) => (isHidden[i] ? null : { people: p.people.size, value: p.value }));
}

/**
 * The same rule for the ledger's cells, whose hidden members the endpoint does not tell: when exactly one part is
 * hidden beside a shown total, the smallest shown part is hidden with it, so no single hidden cell is a subtraction
 * away. (The endpoint enforces its `k` on every cell it sends; this keeps the report from undoing it.)
 */
export function ledgerParts<T>(parts: readonly Cell<T>[], isTotalShown: boolean): Cell<T>[] {
  const hidden = parts.filter((c) => c === null).length;
  if (!isTotalShown || hidden !== 1 || parts.length < 2) return [...parts];
  let smallest = -1;
  parts.forEach((c, i) => {
    if (c !== null && (smallest < 0 || c.people < parts[smallest]!.people)) smallest = i;
  });
  return parts.map((c, i) => (i === smallest ? null : c));
}
