import type { CommonplaceDb } from '../db/schema';
import { decodeBucket, type NoteSummaryRow } from '../db/summary-bucket';

/** Every summary entry the buckets hold, by id: what tests compare with the notes' own summaries. */
export async function storedSummaries(db: CommonplaceDb): Promise<NoteSummaryRow[]> {
  const out: NoteSummaryRow[] = [];
  for (const row of await db.summaryBuckets.toArray()) decodeBucket(row, out);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
