/**
 * The note summaries: what the digest needs of each note (lib/digest/note-summary.ts), written by a Dexie
 * middleware in the same transaction as the note, so no write path can forget them: the repository, sync's pull,
 * push and compacted reset, leaving a community, import, and any `put`/`delete`/`clear` a test or future path
 * makes. They live in two tables: the bucket rows (summary-bucket.ts, 16 rows a cold digest reads in one go) and
 * a log of one small row per note written since the buckets were last compacted (summary-fill.ts, in the
 * background). A write only adds log rows: rewriting the buckets it touches made a 500-note import batch rewrite
 * nearly all of them (6x the import's own cost at 50k). What a note said before a write is read from the note
 * itself, so it is right whatever the buckets hold. A summary carries `seq`, its place in this store's write
 * order, so the digest folds what changed since it last looked whatever clock stamped the note (a pulled note
 * keeps its author's `updatedAt`, often older than ours). A write that takes back what the digest's index only
 * adds to (a live note deleted, dropped, or moved to another week, community or author) also bumps a kv counter
 * (`DIGEST_KEYS.removals`): an index built before it is stale. A failed summary write fails the note write's
 * transaction: the two never go out of step.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { isRetraction, isSameSummary, noteSummary, type NoteSummary } from '../digest/note-summary';
import type { Note } from '../model';
import { DIGEST_KEYS } from './digest-keys';
import {
  foldFingerprint,
  foldIntoRecount,
  isLiveFingerprint,
  isLiveRecount,
  LIVE_FINGERPRINT_KEY,
  LIVE_RECOUNT_KEY,
} from './live-fingerprint';
import { BUCKET_FORMAT, bucketOf, type NoteSummaryRow } from './summary-bucket';

export const SUMMARY_BUCKETS = 'summaryBuckets';
export const SUMMARY_LOG = 'summaryLog';
const NOTES = 'notes';
const KV = 'kv';

/** What a log row says of its note: the summary as last written, or `gone` when the note left the store. */
export type LoggedSummary = NoteSummaryRow | { id: string; seq: number; gone: 1 };
/**
 * A log row: what it says, plus `b`, the note's bucket (indexed), so a compaction takes the rows of a few
 * buckets per transaction (summary-fill.ts). `b` is not part of the summary: it is dropped wherever a log row
 * becomes one (mergeSummaries, the buckets' encoding).
 */
export type SummaryLogRow = LoggedSummary & { b: number };
export const isGone = (r: LoggedSummary): r is { id: string; seq: number; gone: 1 } => 'gone' in r;

/** Every read-write transaction on notes also holds the summary log and the digest's counters. */
export const noteSummariesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'noteSummaries',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const scope =
          mode === 'readwrite' && stores.includes(NOTES) ? [...new Set([...stores, SUMMARY_LOG, KV])] : stores;
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

/** Whether the layout row (`DIGEST_KEYS.layout`) says the bucket rows are in this code's layout. */
export const isLayoutCurrent = (row: unknown): boolean =>
  (row as { value?: unknown } | undefined)?.value === BUCKET_FORMAT;

async function mutateNotes(core: DBCore, notes: DBCoreTable, req: DBCoreMutateRequest) {
  // Only an upgrade from before v6 writes notes without the summary tables (v6 then fills them in the background).
  if (!holds(req.trans, SUMMARY_LOG) || !holds(req.trans, KV)) return notes.mutate(req);
  const log = core.table(SUMMARY_LOG);
  const kv = core.table(KV);
  const trans = req.trans;
  // What each note said before this write: the stored note itself (absent for a new one).
  const old: (Note | undefined)[] =
    req.type === 'add'
      ? []
      : req.type === 'deleteRange'
        ? (await notes.query({ trans, values: true, query: { index: notes.schema.primaryKey, range: req.range } }))
            .result
        : await notes.getMany({ trans, keys: req.type === 'delete' ? req.keys : req.values.map((v: Note) => v.id) });
  const before: (NoteSummary | undefined)[] = old.map((n) => (n ? noteSummary(n) : undefined));
  const res = await notes.mutate(req);
  const [seqRow, removalsRow, liveRow, recountRow] = await kv.getMany({
    trans,
    keys: [DIGEST_KEYS.seq, DIGEST_KEYS.removals, LIVE_FINGERPRINT_KEY, LIVE_RECOUNT_KEY],
  });
  let seq = counter(seqRow);
  const rows: SummaryLogRow[] = [];
  /** Each note's summary before and after this write, for the live fingerprint (one pair per id). */
  const changes = new Map<string, [NoteSummary | undefined, NoteSummary | undefined]>();
  let isRetracting = false;
  if (req.type === 'add' || req.type === 'put') {
    const written = new Set<string>();
    req.values.forEach((v: Note, i) => {
      if (res.failures[i]) return;
      const row = noteSummary(v);
      changes.set(row.id, [changes.get(row.id)?.[0] ?? before[i], row]);
      if (isRetraction(before[i], row)) isRetracting = true;
      // Unchanged for the digest (a sync flag, the words): no new number, nothing to fold again.
      if (isSameSummary(before[i], row) && !written.has(row.id)) return;
      written.add(row.id);
      rows.push({ ...row, seq: ++seq, b: bucketOf(row.id) });
    });
  } else {
    isRetracting = before.some((b) => isRetraction(b, undefined));
    for (const b of before) {
      if (!b) continue;
      changes.set(b.id, [b, undefined]);
      rows.push({ id: b.id, seq: ++seq, gone: 1, b: bucketOf(b.id) });
    }
  }
  const counters: { key: string; value: unknown }[] = [];
  if (rows.length) {
    await log.mutate({ trans, type: 'put', values: rows });
    counters.push({ key: DIGEST_KEYS.seq, value: seq });
  }
  if (isRetracting) counters.push({ key: DIGEST_KEYS.removals, value: counter(removalsRow) + 1 });
  // Kept only once counted (live-fingerprint.ts): a store that never counted has no row to keep.
  const live = (liveRow as { value?: unknown } | undefined)?.value;
  if (changes.size && isLiveFingerprint(live)) {
    counters.push({ key: LIVE_FINGERPRINT_KEY, value: foldFingerprint(live, changes.values()) });
  }
  // A recount under way (live-fingerprint.ts) counted the notes up to its cursor: their changes are folded in.
  const recount = (recountRow as { value?: unknown } | undefined)?.value;
  if (changes.size && isLiveRecount(recount)) {
    counters.push({ key: LIVE_RECOUNT_KEY, value: foldIntoRecount(recount, changes) });
  }
  if (counters.length) await kv.mutate({ trans, type: 'put', values: counters });
  return res;
}
