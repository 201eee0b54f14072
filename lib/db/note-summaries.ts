/**
 * The `noteSummaries` table: one small row per note (lib/digest/note-summary.ts), written in the same transaction
 * as the note by a Dexie middleware, so no write path can forget it: the repository, sync's pull, push and
 * compacted reset, leaving a community, import, and any `put`/`delete`/`clear` a test or future path makes. A
 * row carries `seq`, its place in this store's write order, so the digest folds what changed since it last looked
 * whatever clock stamped the note (a pulled note keeps its author's `updatedAt`, often older than ours). A write
 * that takes back what the digest's index only adds to (a live note deleted, dropped, or moved to another week,
 * community or author) also bumps a kv counter (`DIGEST_KEYS.removals`): an index built before it is stale.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware, Table } from 'dexie';
import { isRetraction, isSameSummary, noteSummary, type NoteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import { foldFingerprint, isLiveFingerprint, LIVE_FINGERPRINT_KEY } from './live-fingerprint';
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

/** A stored summary: the note's, plus its place in this store's write order (never reused, whatever the clocks). */
export type NoteSummaryRow = NoteSummary & { seq: number };

const counter = (row: unknown): number => {
  const v = (row as { value?: unknown } | undefined)?.value;
  return typeof v === 'number' ? v : 0;
};

async function mutateNotes(core: DBCore, notes: DBCoreTable, req: DBCoreMutateRequest) {
  // Only an upgrade from before v5 writes notes without the table (v5's upgrade then fills it from every note).
  if (!holds(req.trans, NOTE_SUMMARIES) || !holds(req.trans, KV)) return notes.mutate(req);
  const summaries = core.table(NOTE_SUMMARIES);
  const kv = core.table(KV);
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
  const [seqRow, removalsRow, liveRow] = await kv.getMany({
    trans,
    keys: [DIGEST_KEYS.seq, DIGEST_KEYS.removals, LIVE_FINGERPRINT_KEY],
  });
  const counters: { key: string; value: unknown }[] = [];
  /** Each note's summary before and after this write, for the live fingerprint (one pair per id). */
  const changes = new Map<string, [NoteSummary | undefined, NoteSummary | undefined]>();
  let isRetracting = false;
  if (req.type === 'add' || req.type === 'put') {
    let seq = counter(seqRow);
    const rows: NoteSummaryRow[] = [];
    const written = new Set<string>();
    req.values.forEach((v: Note, i) => {
      if (res.failures[i]) return;
      const row = noteSummary(v);
      changes.set(row.id, [changes.get(row.id)?.[0] ?? before[i], row]);
      if (isRetraction(before[i], row)) isRetracting = true;
      // Unchanged for the digest (a sync flag, the words): no new number, nothing to fold again.
      if (isSameSummary(before[i], row) && !written.has(row.id)) return;
      written.add(row.id);
      rows.push({ ...row, seq: ++seq });
    });
    if (rows.length) {
      await summaries.mutate({ trans, type: 'put', values: rows });
      counters.push({ key: DIGEST_KEYS.seq, value: seq });
    }
  } else {
    isRetracting = before.some((b) => isRetraction(b, undefined));
    for (const b of before) if (b) changes.set(b.id, [b, undefined]);
    if (req.type === 'delete') await summaries.mutate({ trans, type: 'delete', keys: req.keys });
    else await summaries.mutate({ trans, type: 'deleteRange', range: req.range });
  }
  if (isRetracting) counters.push({ key: DIGEST_KEYS.removals, value: counter(removalsRow) + 1 });
  // Kept only once counted (live-fingerprint.ts): a store that never counted has no row to keep.
  const live = (liveRow as { value?: unknown } | undefined)?.value;
  if (changes.size && isLiveFingerprint(live)) {
    counters.push({ key: LIVE_FINGERPRINT_KEY, value: foldFingerprint(live, changes.values()) });
  }
  if (counters.length) await kv.mutate({ trans, type: 'put', values: counters });
  return res;
}

/**
 * The store's digest counters: `seq`, the last summary write's number (an index that folded up to it is current
 * for adds and edits), and `removals` (an index built at another count may hold a removed note).
 */
export async function digestCounters(db: CommonplaceDb): Promise<{ seq: number; removals: number }> {
  const [seq, removals] = await db.kv.bulkGet([DIGEST_KEYS.seq, DIGEST_KEYS.removals]);
  return { seq: counter(seq), removals: counter(removals) };
}

/** Summaries written after `seq`, in write order: what an index folded up to `seq` has not seen. */
export function summariesAfter(db: CommonplaceDb, seq: number): Promise<NoteSummaryRow[]> {
  return db.table<NoteSummaryRow, string>(NOTE_SUMMARIES).where('seq').above(seq).toArray();
}

/**
 * Every note's summary. When the table's row count differs from the notes' (rows written around Dexie, by hand
 * in a profile's devtools or an older seeding script), it is rebuilt from the notes first: it is a derived copy.
 */
export async function readNoteSummaries(db: CommonplaceDb): Promise<NoteSummaryRow[]> {
  const table = db.table<NoteSummaryRow, string>(NOTE_SUMMARIES);
  const [rows, notes] = await db.transaction('r', [db.notes, table], () =>
    Promise.all([table.toArray(), db.notes.count()]),
  );
  if (rows.length === notes) return rows;
  return rebuildNoteSummaries(db);
}

/**
 * Rewrites the summaries from the notes, numbered after the last write (numbers are never reused), and counts a
 * removal: whatever index was built from the old rows is rebuilt.
 */
export async function rebuildNoteSummaries(db: CommonplaceDb): Promise<NoteSummaryRow[]> {
  const table = db.table<NoteSummaryRow, string>(NOTE_SUMMARIES);
  return db.transaction('rw', [db.notes, table, db.kv], async () => {
    const { seq, removals } = await digestCounters(db);
    const rows: NoteSummaryRow[] = [];
    await eachChunk(db.table<Note, string>(NOTES), async (chunk) => {
      for (const n of chunk) rows.push({ ...noteSummary(n), seq: seq + rows.length + 1 });
    });
    await table.clear();
    await table.bulkPut(rows);
    await db.kv.bulkPut([
      { key: DIGEST_KEYS.seq, value: seq + rows.length },
      { key: DIGEST_KEYS.removals, value: removals + 1 },
    ]);
    return rows;
  });
}

/** v5's upgrade: every note's summary, numbered in key order (inside the version change: no middleware runs). */
export async function fillNoteSummaries(notes: Table<Note, string>, table: Table, kv: Table): Promise<void> {
  let seq = 0;
  await eachChunk(notes, async (chunk) => {
    await table.bulkPut(chunk.map((n) => ({ ...noteSummary(n), seq: ++seq })));
  });
  await kv.put({ key: DIGEST_KEYS.seq, value: seq });
}

/**
 * Every note, a chunk at a time in key order: one getAll per chunk is several times faster in Chromium than a
 * cursor's request per note, and a chunk's notes can be collected before the next is read.
 */
async function eachChunk(notes: Table<Note, string, Note>, fn: (chunk: Note[]) => Promise<void>): Promise<void> {
  let chunk = await notes.orderBy(':id').limit(CHUNK).toArray();
  while (chunk.length) {
    await fn(chunk);
    if (chunk.length < CHUNK) return;
    chunk = await notes
      .where(':id')
      .above(chunk[chunk.length - 1]!.id)
      .limit(CHUNK)
      .toArray();
  }
}
const CHUNK = 2000;
