/**
 * The cold digest's index folded straight from the bucket columns: the same index `indexFromSummaries` builds
 * from the decoded, merged summaries, without an object per note. Decoding 50k entries into objects was the cold
 * path's biggest cost after the read itself (issue 19's profile); here one summary object is refilled from the
 * columns for each entry, and strings are the bucket's own (a ref is an index into its string table). Pure.
 */
import { summaryIndexBuilder, type DigestIndex, type NoteSummary } from '../digest';
import { SimilarityIndex } from '../similarity';
import { isGone, type LoggedSummary } from './note-summaries';
import { ABSENT, checkBucket, NULL, NUMS_PER, REFS_PER, type SummaryBucketRow } from './summary-bucket';

/**
 * The index over every summary (bucket entries with the log applied, as `mergeSummaries` orders them), how many
 * summaries that is (to check against the notes' count), and the live ones' fingerprint (`live`, `sum`: to check
 * against the one the notes middleware keeps, live-fingerprint.ts). Throws on a row not in the bucket layout.
 */
export function indexFromBuckets(
  buckets: readonly SummaryBucketRow[],
  log: readonly LoggedSummary[],
  meIds: readonly string[],
  now: number,
  timeZone: string,
): { index: DigestIndex; count: number; live: number; sum: number } {
  const build = summaryIndexBuilder(meIds, now, timeZone);
  // A log row is newer than any bucket entry for its note; the last one per id wins, in first-seen order.
  const newer = new Map<string, LoggedSummary>();
  for (const r of log) newer.set(r.id, r);
  const author = { id: '', name: '' };
  const links = { answers: '' };
  // Every field set on each entry (undefined when absent), so the object keeps one shape.
  const s: NoteSummary = {
    id: '',
    kind: 'insight',
    createdAt: 0,
    updatedAt: 0,
    deletedAt: undefined,
    communityId: undefined,
    author: undefined,
    links: undefined,
  };
  let count = 0;
  let live = 0;
  let sum = 0;
  for (const row of buckets) {
    checkBucket(row);
    const { n, strings, refs, nums } = row;
    for (let i = 0; i < n; i++) {
      const o = i * REFS_PER;
      const id = strings[refs[o]!]!;
      if (newer.size && newer.has(id)) continue;
      const p = i * NUMS_PER;
      s.id = id;
      s.kind = strings[refs[o + 1]!] as NoteSummary['kind'];
      s.createdAt = nums[p]!;
      s.updatedAt = nums[p + 1]!;
      const deletedAt = nums[p + 2]!;
      s.deletedAt = Number.isNaN(deletedAt) ? undefined : deletedAt;
      const cm = refs[o + 2]!;
      s.communityId = cm === ABSENT ? undefined : cm === NULL ? null : strings[cm];
      const a = refs[o + 3]!;
      if (a === ABSENT) s.author = undefined;
      else {
        author.id = strings[a]!;
        author.name = strings[refs[o + 4]!]!;
        s.author = author;
      }
      const q = refs[o + 5]!;
      if (q === ABSENT) s.links = undefined;
      else {
        links.answers = strings[q]!;
        s.links = links;
      }
      build.fold(s);
      if (s.deletedAt === undefined) {
        build.count(s);
        live++;
        sum = SimilarityIndex.addToSum(sum, s.updatedAt);
      }
      count++;
    }
  }
  for (const r of newer.values()) {
    if (isGone(r)) continue;
    build.fold(r);
    if (r.deletedAt === undefined) {
      build.count(r);
      live++;
      sum = SimilarityIndex.addToSum(sum, r.updatedAt);
    }
    count++;
  }
  return { index: build.index(), count, live, sum };
}
