import type { DBCore, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * One IndexedDB transaction as this context made it: its real scope (after every middleware widened it), its
 * mode, when it was created, when its first request answered (the gap is the time it queued behind others)
 * and when it ended, plus the requests it made. Test builds only (bench:harvest `trace=1`, issue 19): it is
 * how a harvest's wait on IndexedDB is named, not something a user's build carries.
 */
export interface TracedTransaction {
  id: number;
  context: string;
  stores: string[];
  mode: 'readonly' | 'readwrite';
  createdAt: number;
  firstAnswerAt?: number;
  endedAt?: number;
  outcome?: 'complete' | 'abort' | 'error';
  /** `table.request` per request made, with how many rows it wrote or read when known. */
  requests: string[];
  /** When each of `requests` answered (its value decoded and handed to Dexie), same order. */
  answeredAt: number[];
}

/** Kept per context: enough for a few harvests' worth of traffic. */
const KEPT = 2000;
const MAX_REQUESTS = 12;

const now = () => performance.timeOrigin + performance.now();

/** The trace of this context, newest last (the bench reads it through `globalThis.__commonplaceIdbTrace`). */
export function transactionTrace(): TracedTransaction[] {
  const g = globalThis as { __commonplaceIdbTrace?: TracedTransaction[] };
  return (g.__commonplaceIdbTrace ??= []);
}

function contextName(): string {
  const loc = (globalThis as { location?: Location }).location;
  return loc ? loc.pathname.replace(/^\//, '') || 'page' : 'unknown';
}

/** Records every transaction this Dexie instance creates (see TracedTransaction). */
export const transactionTraceMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'transactionTrace',
  level: -10,
  create(down) {
    let next = 1;
    const byTrans = new WeakMap<DBCoreTransaction, TracedTransaction>();
    const note = (trans: DBCoreTransaction, what: string, p: Promise<unknown>) => {
      const t = byTrans.get(trans);
      if (!t) return p;
      const i = t.requests.length < MAX_REQUESTS ? t.requests.push(what) - 1 : -1;
      return p.then((r) => {
        const at = now();
        if (i >= 0) t.answeredAt[i] = at;
        t.firstAnswerAt ??= at;
        return r;
      });
    };
    const wrap = (table: DBCoreTable): DBCoreTable => ({
      ...table,
      get: (req) => note(req.trans, `${table.name}.get`, table.get(req)) as ReturnType<DBCoreTable['get']>,
      getMany: (req) =>
        note(req.trans, `${table.name}.getMany(${req.keys.length})`, table.getMany(req)) as ReturnType<
          DBCoreTable['getMany']
        >,
      query: (req) =>
        note(
          req.trans,
          `${table.name}.query(${req.query.index.name || ':id'}${req.limit !== undefined ? `, limit ${req.limit}` : ''})`,
          table.query(req),
        ) as ReturnType<DBCoreTable['query']>,
      openCursor: (req) =>
        note(req.trans, `${table.name}.cursor(${req.query.index.name || ':id'})`, table.openCursor(req)) as ReturnType<
          DBCoreTable['openCursor']
        >,
      count: (req) => note(req.trans, `${table.name}.count`, table.count(req)) as ReturnType<DBCoreTable['count']>,
      mutate: (req) =>
        note(
          req.trans,
          `${table.name}.${req.type}(${'values' in req ? req.values.length : 'keys' in req ? req.keys.length : 'range'})`,
          table.mutate(req),
        ) as ReturnType<DBCoreTable['mutate']>,
    });
    return {
      ...down,
      transaction(stores, mode, options) {
        const trans = down.transaction(stores, mode, options);
        const idb = trans as unknown as IDBTransaction;
        const t: TracedTransaction = {
          id: next++,
          context: contextName(),
          stores: idb.objectStoreNames ? [...idb.objectStoreNames] : [...stores],
          mode,
          createdAt: now(),
          requests: [],
          answeredAt: [],
        };
        byTrans.set(trans, t);
        const trace = transactionTrace();
        trace.push(t);
        if (trace.length > KEPT) trace.splice(0, trace.length - KEPT);
        const end = (outcome: TracedTransaction['outcome']) => () => {
          t.endedAt = now();
          t.outcome = outcome;
        };
        idb.addEventListener?.('complete', end('complete'));
        idb.addEventListener?.('abort', end('abort'));
        idb.addEventListener?.('error', end('error'));
        return trans;
      },
      table: (name) => wrap(down.table(name)),
    };
  },
};
