import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';

/**
 * Test-only Dexie middleware: counts, per read-only transaction on `table`, the rows or keys read (get, getMany,
 * query, cursor steps), one entry per transaction in the order they first read. What a note write queued
 * behind such a transaction waits for (IndexedDB starts a read-write one only after every earlier
 * overlapping transaction has ended). `isCountingKeys: false` leaves out key-only queries (an index's primary
 * keys: a few bytes each, no row deserialised).
 */
export function readsPerTransaction(seen: number[], table = 'notes', isCountingKeys = true): Middleware<DBCore> {
  const at = new Map<DBCoreTransaction, number>();
  const add = (trans: DBCoreTransaction, n: number) => {
    if ((trans as unknown as IDBTransaction).mode !== 'readonly') return;
    if (!at.has(trans)) at.set(trans, seen.push(0) - 1);
    seen[at.get(trans)!]! += n;
  };
  return {
    stack: 'dbcore',
    name: 'readsPerTransaction',
    create(down) {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          if (name !== table) return t;
          return {
            ...t,
            async get(req) {
              add(req.trans, 1);
              return t.get(req);
            },
            async getMany(req) {
              const res = await t.getMany(req);
              add(req.trans, res.length);
              return res;
            },
            async query(req) {
              const res = await t.query(req);
              if (isCountingKeys || req.values) add(req.trans, res.result.length);
              return res;
            },
            async openCursor(req) {
              const cursor = await t.openCursor(req);
              if (!cursor) return cursor;
              add(req.trans, 0);
              return Object.create(cursor, {
                start: {
                  value: (onNext: () => void) =>
                    cursor.start(() => {
                      add(req.trans, 1);
                      onNext();
                    }),
                },
              });
            },
          };
        },
      };
    },
  };
}
