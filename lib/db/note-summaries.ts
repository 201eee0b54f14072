/**
 * The `noteSummaries` table: one small row per note (lib/digest/note-summary.ts), written in the same transaction
 * as the note by a Dexie middleware, so no write path can forget it: the repository, sync's pull, push and
 * compacted reset, leaving a community, import, and any `put`/`delete`/`clear` a test or future path makes. A
 * write that takes back what the digest's index only adds to (a live note deleted, dropped, or moved to another
 * week, community or author) also bumps a kv counter (`DIGEST_KEYS.removals`): an index built before it is stale.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { isRetraction, noteSummary, type NoteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import type { CommonplaceDb } from './schema';

export const NOTE_SUMMARIES = 'noteSummaries';
const NOTES = 'notes';
const KV = 'kv';

/** Every read-write transaction on notes also holds the summaries and the removals counter. */
export const noteSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'noteSummaries',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(NOTES) ? [...new Set([...stores, NOTE_SUMMARIES, KV])] : stores;
        return down.transaction(scope, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === NOTES ? { ...table, mutate: (req) => mutateNotes(down, table, req) } : table;
      },
    };
  },
};

/** The transaction's object stores (an IDBTransaction underneath: Dexie's own IndexedDB core). */
function holds(trans: DBCoreTransaction, store: string): boolean {
  return (trans as unknown as IDBTransaction).objectStoreNames?.contains(store) ?? false;
}

async function mutateNotes(core: DBCore, notes: DBCoreTable, req: DBCoreMutateRequest) {
  // Only an upgrade from before v5 writes notes without the table (v5's upgrade then fills it from every note).
  if (!holds(req.trans, NOTE_SUMMARIES) || !holds(req.trans, KV)) return notes.mutate(req);
  const summaries = core.table(NOTE_SUMMARIES);
  const trans = req.trans;
  const before: (NoteSummary | undefined)[] =
    req.type === 'add'
      ? []
      : req.type === 'deleteRange'
        ? (
            await summaries.query({
              trans,
              values: true,
              query: { index: summaries.schema.primaryKey, range: req.range },
            })
          ).result
        : await summaries.getMany({
            trans,
            keys: req.type === 'delete' ? req.keys : req.values.map((v: Note) => v.id),
          });
  const res = await notes.mutate(req);
  let isRetracting = false;
  if (req.type === 'add' || req.type === 'put') {
    const rows: NoteSummary[] = [];
    req.values.forEach((v: Note, i) => {
      if (res.failures[i]) return;
      const row = noteSummary(v);
      if (isRetraction(before[i], row)) isRetracting = true;
      rows.push(row);
    });
    if (rows.length) await summaries.mutate({ trans, type: 'put', values: rows });
  } else {
    isRetracting = before.some((b) => isRetraction(b, undefined));
    if (req.type === 'delete') await summaries.mutate({ trans, type: 'delete', keys: req.keys });
    else await summaries.mutate({ trans, type: 'deleteRange', range: req.range });
  }
  if (isRetracting) {
    const kv = core.table(KV);
    const row = (await kv.get({ trans, key: DIGEST_KEYS.removals })) as { value?: unknown } | undefined;
    const count = typeof row?.value === 'number' ? row.value : 0;
    await kv.mutate({ trans, type: 'put', values: [{ key: DIGEST_KEYS.removals, value: count + 1 }] });
  }
  return res;
}

/** How many removals the store has seen: an index built at another count has taken back nothing it should. */
export async function removalsSeen(db: CommonplaceDb): Promise<number> {
  const v = (await db.kv.get(DIGEST_KEYS.removals))?.value;
  return typeof v === 'number' ? v : 0;
}

/**
 * Every note's summary. When the table's row count differs from the notes' (rows written around Dexie, by hand
 * in a profile's devtools or an older seeding script), it is rebuilt from the notes first: it is a derived copy.
 */
export async function readNoteSummaries(db: CommonplaceDb): Promise<NoteSummary[]> {
  const table = db.table<NoteSummary, string>(NOTE_SUMMARIES);
  const [rows, notes] = await db.transaction('r', [db.notes, table], () =>
    Promise.all([table.toArray(), db.notes.count()]),
  );
  if (rows.length === notes) return rows;
  return rebuildNoteSummaries(db);
}

/** Rewrites the summaries from the notes (v5's upgrade does the same inside its version change). */
export async function rebuildNoteSummaries(db: CommonplaceDb): Promise<NoteSummary[]> {
  const table = db.table<NoteSummary, string>(NOTE_SUMMARIES);
  return db.transaction('rw', [db.notes, table], async () => {
    const rows: NoteSummary[] = [];
    await db.notes.each((n) => void rows.push(noteSummary(n)));
    await table.clear();
    await table.bulkPut(rows);
    return rows;
  });
}
