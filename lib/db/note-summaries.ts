/**
 * The note summaries: what the digest needs of each note (lib/digest/note-summary.ts), packed into bucket rows
 * (summary-bucket.ts) and written by a Dexie middleware in the same transaction as the note, so no write path can
 * forget them: the repository, sync's pull, push and compacted reset, leaving a community, import, and any
 * `put`/`delete`/`clear` a test or future path makes. A write reads the buckets its notes live in, changes their
 * entries and writes them back; a bulk write touches each bucket once. A summary carries `seq`, its place in this
 * store's write order, so the digest folds what changed since it last looked whatever clock stamped the note (a
 * pulled note keeps its author's `updatedAt`, often older than ours). A write that takes back what the digest's
 * index only adds to (a live note deleted, dropped, or moved to another week, community or author) also bumps a
 * kv counter (`DIGEST_KEYS.removals`): an index built before it is stale. A failed summary write fails the note
 * write's transaction: the two never go out of step.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { isRetraction, isSameSummary, noteSummary, type NoteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import { bucketEntries, bucketOf, encodeBucket, type SummaryBucketRow } from './summary-bucket';

export const SUMMARY_BUCKETS = 'summaryBuckets';
const NOTES = 'notes';
const KV = 'kv';

/** Every read-write transaction on notes also holds the summary buckets and the digest's counters. */
export const noteSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'noteSummaries',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(NOTES) ? [...new Set([...stores, SUMMARY_BUCKETS, KV])] : stores;
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

export const counter = (row: unknown): number => {
  const v = (row as { value?: unknown } | undefined)?.value;
  return typeof v === 'number' ? v : 0;
};

/** Whether the fill row (summary-fill.ts) says some notes may still lack their summary. */
export const isFilling = (row: unknown): boolean => row !== undefined && row !== null;

async function mutateNotes(core: DBCore, notes: DBCoreTable, req: DBCoreMutateRequest) {
  // Only an upgrade from before v6 writes notes without the buckets (v6 then has them filled in the background).
  if (!holds(req.trans, SUMMARY_BUCKETS) || !holds(req.trans, KV)) return notes.mutate(req);
  const buckets = core.table(SUMMARY_BUCKETS);
  const kv = core.table(KV);
  const trans = req.trans;
  const [seqRow, removalsRow, fillRow] = await kv.getMany({
    trans,
    keys: [DIGEST_KEYS.seq, DIGEST_KEYS.removals, DIGEST_KEYS.fill],
  });
  const isFill = isFilling(fillRow);
  // While the fill runs, a note may have no entry yet: what it said before is read from the note itself.
  const ranged =
    req.type === 'deleteRange'
      ? (
          await notes.query({
            trans,
            values: isFill,
            query: { index: notes.schema.primaryKey, range: req.range },
          })
        ).result
      : [];
  const ids: string[] =
    req.type === 'deleteRange'
      ? isFill
        ? (ranged as Note[]).map((n) => n.id)
        : (ranged as string[])
      : req.type === 'delete'
        ? (req.keys as string[])
        : req.values.map((v: Note) => v.id);
  const nos = [...new Set(ids.map(bucketOf))];
  const stored = await buckets.getMany({ trans, keys: nos });
  const entries = new Map(nos.map((b, i) => [b, bucketEntries(stored[i] as SummaryBucketRow | undefined)]));
  const entryOf = (id: string) => entries.get(bucketOf(id))!;
  const before: (NoteSummary | undefined)[] = req.type === 'add' ? [] : ids.map((id) => entryOf(id).get(id));
  if (isFill && req.type !== 'add') {
    const missing = ids.filter((_, i) => !before[i]);
    const old =
      req.type === 'deleteRange'
        ? (ranged as Note[]).filter((n) => !entryOf(n.id).has(n.id))
        : ((await notes.getMany({ trans, keys: missing })) as (Note | undefined)[]);
    const byId = new Map(old.filter((n): n is Note => !!n).map((n) => [n.id, noteSummary(n)]));
    ids.forEach((id, i) => (before[i] ??= byId.get(id)));
  }
  const res = await notes.mutate(req);
  const changed = new Set<number>();
  const counters: { key: string; value: number }[] = [];
  let isRetracting = false;
  if (req.type === 'add' || req.type === 'put') {
    let seq = counter(seqRow);
    const written = new Set<string>();
    req.values.forEach((v: Note, i) => {
      if (res.failures[i]) return;
      const row = noteSummary(v);
      if (isRetraction(before[i], row)) isRetracting = true;
      // Unchanged for the digest (a sync flag, the words): no new number, nothing to fold again.
      if (isSameSummary(before[i], row) && entryOf(row.id).has(row.id) && !written.has(row.id)) return;
      written.add(row.id);
      entryOf(row.id).set(row.id, { ...row, seq: ++seq });
      changed.add(bucketOf(row.id));
    });
    if (seq !== counter(seqRow)) counters.push({ key: DIGEST_KEYS.seq, value: seq });
  } else {
    isRetracting = before.some((b) => isRetraction(b, undefined));
    for (const id of ids) if (entryOf(id).delete(id)) changed.add(bucketOf(id));
  }
  if (changed.size) {
    const values = [...changed].map((b) => encodeBucket(b, entries.get(b)!.values()));
    await buckets.mutate({ trans, type: 'put', values });
  }
  if (isRetracting) counters.push({ key: DIGEST_KEYS.removals, value: counter(removalsRow) + 1 });
  if (counters.length) await kv.mutate({ trans, type: 'put', values: counters });
  return res;
}
