/**
 * Reading the note summaries (note-summaries.ts writes them): all of them for an index built from scratch, or
 * those written since an index last looked. They are the bucket rows merged with the log rows written since the
 * last compaction. While the background fill is not done, a cold read falls back to every note: slower, never
 * wrong.
 */
import { indexFromSummaries, type DigestIndex } from '../digest';
import { noteSummary } from '../digest/note-summary';
import { DIGEST_KEYS } from './digest-keys';
import {
  counter,
  isFilling,
  isGone,
  isLayoutCurrent,
  SUMMARY_BUCKETS,
  SUMMARY_LOG,
  type LoggedSummary,
  type SummaryLogRow,
} from './note-summaries';
import type { CommonplaceDb } from './schema';
import { fillNoteSummaries, restartFill } from './summary-fill';
import { decodeBucket, type NoteSummaryRow, type SummaryBucketRow } from './summary-bucket';
import { indexFromBuckets } from './summary-fold';

/**
 * The store's digest counters: `seq`, the last summary write's number (an index that folded up to it is current
 * for adds and edits), and `removals` (an index built at another count may hold a removed note).
 */
export async function digestCounters(
  db: CommonplaceDb,
): Promise<{ seq: number; removals: number; isLayoutCurrent: boolean }> {
  const [seq, removals, layout] = await db.kv.bulkGet([DIGEST_KEYS.seq, DIGEST_KEYS.removals, DIGEST_KEYS.layout]);
  return { seq: counter(seq), removals: counter(removals), isLayoutCurrent: isLayoutCurrent(layout) };
}

const tables = (db: CommonplaceDb) => ({
  buckets: db.table<SummaryBucketRow, number>(SUMMARY_BUCKETS),
  log: db.table<SummaryLogRow, string>(SUMMARY_LOG),
});

/** Bucket entries with the log applied: a log row is newer than any bucket entry for its note. */
export function mergeSummaries(
  base: NoteSummaryRow[],
  log: readonly (LoggedSummary & { b?: number })[],
): NoteSummaryRow[] {
  if (!log.length) return base;
  const newer = new Map(log.map((r) => [r.id, r]));
  const out = base.filter((r) => !newer.has(r.id));
  for (const { b: _b, ...r } of newer.values()) if (!isGone(r)) out.push(r);
  return out;
}

/** Summaries written after `seq`, in write order: what an index folded up to `seq` has not seen. */
export async function summariesAfter(db: CommonplaceDb, seq: number): Promise<NoteSummaryRow[]> {
  const { buckets, log } = tables(db);
  const [stored, logged] = await db.transaction('r', [buckets, log], () =>
    Promise.all([buckets.where('seq').above(seq).toArray(), log.where('seq').above(seq).toArray()]),
  );
  const base: NoteSummaryRow[] = [];
  for (const row of stored) decodeBucket(row, base, seq);
  return mergeSummaries(base, logged).sort((a, b) => a.seq - b.seq);
}

/**
 * Every note's summary and the write number they are current at, read in one transaction. While the fill is
 * under way they come from the notes themselves. When they hold another count than the notes (rows written
 * around Dexie, by hand in a profile's devtools or an older seeding script), they are rebuilt first: they are a
 * derived copy.
 */
export async function readNoteSummaries(db: CommonplaceDb): Promise<{ rows: NoteSummaryRow[]; seq: number }> {
  const { value: rows, seq } = await readChecked(db, (source) => {
    if ('notes' in source) return source.notes;
    let base: NoteSummaryRow[] = [];
    try {
      for (const row of source.buckets) decodeBucket(row, base);
    } catch {
      base = [];
    }
    const rows = mergeSummaries(base, source.log);
    return rows.length === source.count ? rows : null;
  });
  return { rows, seq };
}

/**
 * The digest index over every note's summary (`indexFromSummaries`), folded from the bucket columns without an
 * object per note (summary-fold.ts), and the write number it is current at. Same checks as `readNoteSummaries`.
 */
export async function readSummaryIndex(
  db: CommonplaceDb,
  meIds: readonly string[],
  now: number,
  timeZone: string,
): Promise<{ index: DigestIndex; seq: number }> {
  const { value: index, seq } = await readChecked(db, (source) => {
    if ('notes' in source) return indexFromSummaries(source.notes, meIds, now, timeZone);
    try {
      const { index, count } = indexFromBuckets(source.buckets, source.log, meIds, now, timeZone);
      return count === source.count ? index : null;
    } catch {
      return null;
    }
  });
  return { index, seq };
}

type SummarySource = { notes: NoteSummaryRow[] } | { buckets: SummaryBucketRow[]; log: SummaryLogRow[]; count: number };

/** `use` of what one read gave, or, when `use` finds it out of step with the notes (null), of a rebuilt copy. */
async function readChecked<T>(db: CommonplaceDb, use: (source: SummarySource) => T | null) {
  const got = await readOnce(db, use);
  if (got) return got;
  await restartFill(db);
  await fillNoteSummaries(db);
  return (await readOnce(db, use)) ?? Promise.reject(new Error('note summaries out of step right after a rebuild'));
}

async function readOnce<T>(db: CommonplaceDb, use: (source: SummarySource) => T | null) {
  const { buckets, log } = tables(db);
  const read = await db.transaction('r', [db.notes, buckets, log, db.kv], async () => {
    const [seqRow, fillRow, layoutRow] = await db.kv.bulkGet([DIGEST_KEYS.seq, DIGEST_KEYS.fill, DIGEST_KEYS.layout]);
    const seq = counter(seqRow);
    // Rows of another layout are never read: the notes are, until the background has filled them again.
    if (isFilling(fillRow) || !isLayoutCurrent(layoutRow)) {
      const notes = (await db.notes.toArray()).map((n) => ({ ...noteSummary(n), seq }));
      return { seq, source: { notes } };
    }
    const [stored, logged, count] = await Promise.all([buckets.toArray(), log.toArray(), db.notes.count()]);
    // Rows that say nothing while there are notes: never filled, rebuild.
    if (count > 0 && stored.length + logged.length === 0) return null;
    return { seq, source: { buckets: stored, log: logged, count } };
  });
  if (!read) return null;
  // Folded after the transaction: only the reads need it.
  const value = use(read.source);
  return value === null ? null : { value, seq: read.seq };
}
