/** kv keys of the digest's state: all of it lives in IndexedDB, so a killed service worker loses nothing. */
export const DIGEST_KEYS = {
  /** The ready digest (`StoredDigest`): what a new tab paints first. */
  ready: 'digest:day',
  /** The persisted incremental index (`DigestIndex`). */
  index: 'digest:index',
  /** Note id -> day the archive showed it. */
  shown: 'digest:archive-shown',
  /** When a change was seen that the ready digest does not hold yet (ms); absent when up to date. */
  pending: 'digest:pending',
  /**
   * How many writes took back what the index only adds to (lib/db/note-summaries.ts counts them in the same
   * transaction): an index built at another count is rebuilt from the note summaries.
   */
  removals: 'digest:removals',
  /** The last note summary's write number (note-summaries.ts): the digest folds the rows numbered after its own. */
  seq: 'digest:seq',
  /**
   * Present while some notes may lack their summary (after v6's upgrade, or a rebuild): `{ after }`, the last note
   * id the background fill (summary-fill.ts) has done. Absent when every note has its summary.
   */
  fill: 'digest:summary-fill',
  /**
   * The bucket rows' layout (summary-bucket.ts `BUCKET_FORMAT`), written when the fill starts from nothing. Any
   * other value (or none: a store from before the marker) means the rows may be of another layout: the fill is
   * due, and it starts over. One small read, so nobody has to read every row to know.
   */
  layout: 'digest:bucket-layout',
} as const;
