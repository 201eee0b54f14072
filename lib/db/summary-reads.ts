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
import { isLiveFingerprint, LIVE_FINGERPRINT_KEY, LIVE_RECOUNT_KEY, type LiveFingerprint } from './live-fingerprint';
import { traceMark } from './trace-mark';

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
  const { base, logged } = await rowsAfter(db, seq);
  return mergeSummaries(base, logged).sort((a, b) => a.seq - b.seq);
}

/**
 * The notes written through Dexie after write number `seq` (removed ones too, while their log row is not
 * compacted yet), and the write number that is current now, read in one transaction. A write that leaves a
 * note's summary as it was (its words, a sync flag) takes no number and is not here (note-summaries.ts).
 */
export async function noteIdsWrittenAfter(db: CommonplaceDb, seq: number): Promise<{ ids: Set<string>; seq: number }> {
  const { base, logged, now } = await rowsAfter(db, seq);
  const ids = new Set(logged.map((r) => r.id));
  for (const r of base) ids.add(r.id);
  return { ids, seq: now };
}

async function rowsAfter(db: CommonplaceDb, seq: number) {
  const { buckets, log } = tables(db);
  const [stored, logged, seqRow] = await db.transaction('r', [buckets, log, db.kv], () =>
    Promise.all([
      buckets.where('seq').above(seq).toArray(),
      log.where('seq').above(seq).toArray(),
      db.kv.get(DIGEST_KEYS.seq),
    ]),
  );
  const base: NoteSummaryRow[] = [];
  for (const row of stored) decodeBucket(row, base, seq);
  return { base, logged, now: counter(seqRow) };
}

/**
 * Every note's summary and the write number they are current at, read in one transaction. While the fill is
 * under way they come from the notes themselves. When they hold another count than the notes (rows written
 * around Dexie, by hand in a profile's devtools or an older seeding script), they are rebuilt first: they are a
 * derived copy.
 */
export async function readNoteSummaries(db: CommonplaceDb): Promise<{ rows: NoteSummaryRow[]; seq: number }> {
  const { value: rows, seq } = await readChecked(db, false, (source) => {
    if ('notes' in source) return source.notes;
    let base: NoteSummaryRow[] = [];
    try {
      for (const row of source.buckets) decodeBucket(row, base);
    } catch {
      base = [];
    }
    const rows = mergeSummaries(base, source.log);
    return 'count' in source.check && rows.length === source.check.count ? rows : null;
  });
  return { rows, seq };
}

/**
 * What a cold read checked against the fingerprint the notes middleware keeps, instead of counting the notes: the
 * caller confirms it with `confirmSummaryCount` once the digest is painted, before it stores anything built on it.
 */
export interface UncountedRead {
  /** How many summaries the read held (tombstones too): the notes' count when nothing was written around Dexie. */
  rows: number;
  /** The write number the read was current at. */
  seq: number;
}

/**
 * The digest index over every note's summary (`indexFromSummaries`), folded from the bucket columns without an
 * object per note (summary-fold.ts), and the write number it is current at. Same checks as `readNoteSummaries`,
 * except that where the notes middleware keeps the live notes' fingerprint (count and sum, kept in the same
 * transaction as every note write: live-fingerprint.ts) the summaries are checked against it, and the notes are
 * not counted: at 50k notes that count was a third of the cold read (issue 19). Notes written around Dexie escape
 * both the summaries and the fingerprint, so such a read comes back `uncounted`, for `confirmSummaryCount`.
 * `isCounted` makes it count the notes anyway.
 */
export async function readSummaryIndex(
  db: CommonplaceDb,
  meIds: readonly string[],
  now: number,
  timeZone: string,
  isCounted = false,
): Promise<{ index: DigestIndex; seq: number; uncounted?: UncountedRead }> {
  let rows = 0;
  const {
    value: index,
    seq,
    check,
  } = await readChecked(db, !isCounted, (source) => {
    if ('notes' in source) return indexFromSummaries(source.notes, meIds, now, timeZone);
    try {
      const got = indexFromBuckets(source.buckets, source.log, meIds, now, timeZone);
      rows = got.count;
      const { check } = source;
      const isInStep =
        'count' in check ? got.count === check.count : got.live === check.kept.count && got.sum === check.kept.sum;
      return isInStep ? got.index : null;
    } catch {
      return null;
    }
  });
  return check === 'kept' ? { index, seq, uncounted: { rows, seq } } : { index, seq };
}

/**
 * Whether the notes still number what an uncounted read held, counted now (after the paint, off the cold path).
 * When they do not, and nothing was written through Dexie since, notes were written around it: the summaries are
 * rebuilt from the notes (as a counted read would have done) and false says that what was built on the read must
 * not be stored. False too, without a rebuild, when notes were written through Dexie since (the count proves
 * nothing then): the caller computes again, counting.
 */
export async function confirmSummaryCount(db: CommonplaceDb, read: UncountedRead): Promise<boolean> {
  const [count, seqRow] = await db.transaction('r', [db.notes, db.kv], () =>
    Promise.all([db.notes.count(), db.kv.get(DIGEST_KEYS.seq)]),
  );
  if (counter(seqRow) !== read.seq) return false;
  if (count === read.rows) return true;
  // The kept fingerprint missed those notes too: dropped, to be counted again (the digest upkeep does it).
  await db.kv.delete(LIVE_FINGERPRINT_KEY);
  await restartFill(db);
  return false;
}

/** How the summaries were checked: against the notes' count, or against the fingerprint the middleware keeps. */
type SummaryCheck = { count: number } | { kept: LiveFingerprint };
type SummarySource =
  { notes: NoteSummaryRow[] } | { buckets: SummaryBucketRow[]; log: SummaryLogRow[]; check: SummaryCheck };

/**
 * `use` of what one read gave, or, when `use` finds it out of step (null), of a read that counts the notes (when
 * the first one trusted the kept fingerprint), else of a rebuilt copy.
 */
async function readChecked<T>(db: CommonplaceDb, isKeptTrusted: boolean, use: (source: SummarySource) => T | null) {
  const got = await readOnce(db, isKeptTrusted, use);
  if (got) return got;
  if (isKeptTrusted) {
    const counted = await readOnce(db, false, use);
    if (counted) {
      // The summaries agree with the notes' count, not with the kept fingerprint: it is counted again.
      await db.kv.delete(LIVE_FINGERPRINT_KEY);
      return counted;
    }
  }
  await restartFill(db);
  await fillNoteSummaries(db);
  return (
    (await readOnce(db, false, use)) ?? Promise.reject(new Error('note summaries out of step right after a rebuild'))
  );
}

async function readOnce<T>(db: CommonplaceDb, isKeptTrusted: boolean, use: (source: SummarySource) => T | null) {
  const { buckets, log } = tables(db);
  const read = await db.transaction('r', [db.notes, buckets, log, db.kv], async () => {
    const [seqRow, fillRow, layoutRow, liveRow, recountRow] = await db.kv.bulkGet([
      DIGEST_KEYS.seq,
      DIGEST_KEYS.fill,
      DIGEST_KEYS.layout,
      LIVE_FINGERPRINT_KEY,
      LIVE_RECOUNT_KEY,
    ]);
    const seq = counter(seqRow);
    // Rows of another layout are never read: the notes are, until the background has filled them again.
    if (isFilling(fillRow) || !isLayoutCurrent(layoutRow)) {
      const notes = (await db.notes.toArray()).map((n) => ({ ...noteSummary(n), seq }));
      return { seq, source: { notes }, check: 'notes' as const };
    }
    // The kept fingerprint is exact once counted and while no recount is under way (its count is partial then).
    const kept: unknown = liveRow?.value;
    const isKept = isKeptTrusted && isLiveFingerprint(kept) && recountRow === undefined;
    const [stored, logged, count] = await Promise.all([
      buckets.toArray(),
      log.toArray(),
      isKept ? undefined : db.notes.count(),
    ]);
    // Rows that say nothing while there are notes: never filled, rebuild.
    const isEmpty = stored.length + logged.length === 0;
    if (isEmpty && (isKept ? kept.count > 0 : count! > 0)) return null;
    const check: SummaryCheck = isKept ? { kept } : { count: count! };
    return {
      seq,
      source: { buckets: stored, log: logged, check },
      check: isKept ? ('kept' as const) : ('count' as const),
    };
  });
  traceMark('digest-cold-read');
  if (!read) return null;
  // Folded after the transaction: only the reads need it.
  const value = use(read.source);
  traceMark('digest-cold-folded');
  return value === null ? null : { value, seq: read.seq, check: read.check };
}
