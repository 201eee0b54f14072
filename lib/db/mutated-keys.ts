import type { ObservabilitySet } from 'dexie';

/**
 * What committed writes changed in one table, from Dexie's `storagemutated` parts: the primary keys written
 * (added, replaced or deleted), or `'unknown'` when a part names a range rather than keys (a `clear()`, a
 * `deleteRange`, Dexie's `all` after a page came back from the back-forward cache): then any row may have
 * changed. `null` when the table was not written.
 */
export type MutatedKeys = { ids: string[] } | 'unknown' | null;

/** A node of Dexie's RangeSet (an interval tree), as it arrives locally or through its BroadcastChannel. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/**
 * Dexie fires `storagemutated` once a read-write transaction has committed, in the context that wrote and, by
 * its BroadcastChannel, in every other context of the origin (the service worker, the new tab, the options
 * page). Its parts are keyed `idb://<db>/<table>/<index>`; the primary key's part (index name empty) holds the
 * keys written, one single-key range per key (observabilityMiddleware records keys, or the range a deleteRange
 * covered). Only keys of string type are ids here.
 */
export function mutatedKeys(parts: ObservabilitySet, dbName: string, table: string): MutatedKeys {
  if ('all' in parts) return 'unknown';
  const part = (parts as Record<string, RangeNode | undefined>)[`idb://${dbName}/${table}/`];
  if (!part) return null;
  const ids: string[] = [];
  const stack: RangeNode[] = [part];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue; // the empty set
    if (typeof node.from !== 'string' || node.from !== node.to) return 'unknown';
    ids.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return ids.length > 0 ? { ids } : null;
}
