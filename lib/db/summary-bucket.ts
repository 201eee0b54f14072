/**
 * The note summaries' stored layout: a few hundred bucket rows, not a row per note. A cold digest read 50k small
 * rows and paid IndexedDB's and structured clone's cost per row (issue 19's profile); a bucket holds a share of
 * the notes in columns (one string table, one Int32Array of string refs, one Float64Array of numbers), so the
 * same read is a few hundred rows of a few arrays each. Pure: encode, decode, and which bucket a note lives in.
 */
import type { NoteSummary } from '../digest/note-summary';

/** A stored summary: the note's, plus its place in this store's write order (never reused, whatever the clocks). */
export type NoteSummaryRow = NoteSummary & { seq: number };

/**
 * How many buckets: fixed, since a note's bucket is derived from its id alone (an edit lands where the note
 * already is). 16, not the 128 of the first layout: Chromium reads a row of a few tens of kB from its store
 * inline, and 128 such rows (5 MB at 50k notes) took ~830 ms to `getAll` under load, while the same notes in 16
 * rows of ~330 kB (which Chromium keeps out of line, as blobs) took ~70 ms, and 8 rows ~55 ms (issue 19, one run
 * of the four layouts side by side). A compaction takes one bucket per transaction (summary-fill.ts): the same
 * 1/16 of the notes that 8 of 128 buckets were, so a harvest waits no longer.
 */
export const BUCKET_COUNT = 16;
/**
 * The row layout's version, in every row (`v`): rows of another layout (the 128-bucket one had none) are never
 * read as this one, they are refilled (summary-fill.ts, `DIGEST_KEYS.layout`).
 */
export const BUCKET_FORMAT = 2;

/** One bucket row. `seq` is its newest entry's write number (indexed: what an index has not folded yet). */
export interface SummaryBucketRow {
  b: number;
  /** BUCKET_FORMAT when the row was written. */
  v: number;
  seq: number;
  /** How many notes it holds. */
  n: number;
  /** The distinct strings its entries point at (ids, kinds, communities, authors). */
  strings: string[];
  /** Per entry, REFS_PER string refs: id, kind, communityId, author id, author name, answers. */
  refs: Int32Array;
  /** Per entry, NUMS_PER numbers: createdAt, updatedAt, deletedAt (NaN: absent), seq. */
  nums: Float64Array;
}

export const REFS_PER = 6;
export const NUMS_PER = 4;
/** A ref to a field the summary does not have. */
export const ABSENT = -1;
/** `communityId: null` (a personal note), distinct from no communityId at all. */
export const NULL = -2;

/** A note's bucket: FNV-1a of its id. Ids are time-ordered UUIDs, so a prefix would crowd the newest into one. */
export function bucketOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % BUCKET_COUNT;
}

/** The bucket row holding `rows` (all of bucket `b`), ordered by id so equal contents give equal rows. */
export function encodeBucket(b: number, rows: Iterable<NoteSummaryRow>): SummaryBucketRow {
  const list = [...rows].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const strings: string[] = [];
  const at = new Map<string, number>();
  const ref = (s: string | null | undefined) => {
    if (s === undefined) return ABSENT;
    if (s === null) return NULL;
    let i = at.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      at.set(s, i);
    }
    return i;
  };
  const refs = new Int32Array(list.length * REFS_PER);
  const nums = new Float64Array(list.length * NUMS_PER);
  let seq = 0;
  list.forEach((r, i) => {
    const o = i * REFS_PER;
    refs[o] = ref(r.id);
    refs[o + 1] = ref(r.kind);
    refs[o + 2] = ref(r.communityId);
    refs[o + 3] = ref(r.author?.id);
    refs[o + 4] = ref(r.author?.name);
    refs[o + 5] = ref(r.links?.answers);
    const p = i * NUMS_PER;
    nums[p] = r.createdAt;
    nums[p + 1] = r.updatedAt;
    nums[p + 2] = r.deletedAt ?? NaN;
    nums[p + 3] = r.seq;
    if (r.seq > seq) seq = r.seq;
  });
  return { b, v: BUCKET_FORMAT, seq, n: list.length, strings, refs, nums };
}

/**
 * Appends the bucket's entries to `out` (or only those numbered after `afterSeq`), as the objects the digest
 * folds. Throws on a row that is not a bucket: a derived copy that cannot be read is rebuilt, never guessed at.
 */
export function decodeBucket(row: SummaryBucketRow, out: NoteSummaryRow[] = [], afterSeq = -1): NoteSummaryRow[] {
  checkBucket(row);
  const { n, strings, refs, nums } = row;
  const str = (i: number) => strings[i]!;
  for (let i = 0; i < n; i++) {
    const p = i * NUMS_PER;
    const seq = nums[p + 3]!;
    if (seq <= afterSeq) continue;
    const o = i * REFS_PER;
    const s: NoteSummaryRow = {
      id: str(refs[o]!),
      kind: str(refs[o + 1]!) as NoteSummary['kind'],
      createdAt: nums[p]!,
      updatedAt: nums[p + 1]!,
      seq,
    };
    const deletedAt = nums[p + 2]!;
    if (!Number.isNaN(deletedAt)) s.deletedAt = deletedAt;
    const cm = refs[o + 2]!;
    if (cm !== ABSENT) s.communityId = cm === NULL ? null : str(cm);
    if (refs[o + 3]! !== ABSENT) s.author = { id: str(refs[o + 3]!), name: str(refs[o + 4]!) };
    if (refs[o + 5]! !== ABSENT) s.links = { answers: str(refs[o + 5]!) };
    out.push(s);
  }
  return out;
}

/** Throws on a row that is not in the bucket layout: a derived copy that cannot be read is rebuilt. */
export function checkBucket(row: SummaryBucketRow): void {
  const { n, strings, refs, nums } = row;
  if (row.v !== BUCKET_FORMAT)
    throw new Error(`summary bucket ${String(row.b)} is in another layout than ${BUCKET_FORMAT}`);
  if (!(refs instanceof Int32Array) || !(nums instanceof Float64Array) || !Array.isArray(strings))
    throw new Error(`summary bucket ${String(row.b)} is not in the bucket layout`);
  if (refs.length !== n * REFS_PER || nums.length !== n * NUMS_PER)
    throw new Error(`summary bucket ${row.b} holds ${n} entries in columns of another length`);
}

/** The bucket's entries by id, to change a few and encode it again. */
export function bucketEntries(row: SummaryBucketRow | undefined): Map<string, NoteSummaryRow> {
  return new Map(row ? decodeBucket(row).map((r) => [r.id, r]) : []);
}
