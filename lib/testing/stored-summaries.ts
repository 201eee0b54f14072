import { SUMMARY_LOG, type SummaryLogRow } from '../db/note-summaries';
import type { CommonplaceDb } from '../db/schema';
import { decodeBucket, type NoteSummaryRow } from '../db/summary-bucket';
import { mergeSummaries } from '../db/summary-reads';

/** Every summary the store holds (bucket entries with the log applied), by id: what tests compare with the notes. */
export async function storedSummaries(db: CommonplaceDb): Promise<NoteSummaryRow[]> {
  const base: NoteSummaryRow[] = [];
  for (const row of await db.summaryBuckets.toArray()) decodeBucket(row, base);
  const log = await db.table<SummaryLogRow, string>(SUMMARY_LOG).toArray();
  return mergeSummaries(base, log).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
