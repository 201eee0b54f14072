import type { IndexableType } from 'dexie';
import type { CommonplaceDb } from './schema';

export interface TagCount {
  tag: string;
  count: number;
}

/**
 * Tag counts kept current by note writes instead of counted by a scan of the tag index on every harvest:
 * one key-only read of the index on first use (each distinct tag's note ids in bulk, no note is read), then each changed
 * note's tags re-read and the difference applied. Notes written where no `changed` call saw them are caught
 * by their updatedAt, newer than any seen (one indexed range query per use, empty as a rule). Counts every stored note, tombstones included, exactly as
 * `notesRepository.tagCounts` does, so the two always agree.
 */
export function liveTagCounts(db: CommonplaceDb) {
  /** Each counted note's tags, as its row held them when last read (deduplicated, like the index). */
  const tagsOf = new Map<string, string[]>();
  const counts = new Map<string, number>();
  const dirty = new Set<string>();
  let loading: Promise<void> | null = null;
  let sorted: TagCount[] | null = null;

  const bump = (tag: string, by: number) => {
    const n = (counts.get(tag) ?? 0) + by;
    if (n > 0) counts.set(tag, n);
    else counts.delete(tag);
  };

  const setNote = (id: string, tags: readonly string[] | undefined) => {
    for (const t of tagsOf.get(id) ?? []) bump(t, -1);
    const next = tags ? [...new Set(tags.filter((t) => typeof t === 'string'))] : [];
    if (next.length > 0) tagsOf.set(id, next);
    else tagsOf.delete(id);
    for (const t of next) bump(t, 1);
    sorted = null;
  };

  /** Newest updatedAt seen: notes written later without a `changed` call (another context, a seed) are read too. */
  let maxUpdatedAt = 0;

  const firstTagAbove = async (tag: IndexableType | null): Promise<IndexableType | undefined> =>
    (await (tag === null ? db.notes.orderBy('tags') : db.notes.where('tags').above(tag)).limit(1).keys())[0];

  async function load() {
    maxUpdatedAt = (await db.notes.orderBy('updatedAt').last())?.updatedAt ?? 0;
    const pairs = new Map<string, string[]>();
    // Bulk reads, not a cursor: the distinct tags (one step per tag), then each tag's note ids in one
    // getAllKeys, rather than a cursor step (and a callback) per index entry, ~150k of them at 100k notes.
    // Each distinct tag found by a one-key read above the last, not a unique-key cursor over the whole index: that
    // cursor was one read-only transaction of 3.5 s at 100k notes, and the first Save of a worker waited for it
    // (bench:harvest trace=1, issue 19). Every read here is its own short transaction.
    for (let tag = await firstTagAbove(null); tag !== undefined; tag = await firstTagAbove(tag)) {
      for (const key of await db.notes.where('tags').equals(tag).primaryKeys()) {
        const id = String(key);
        const list = pairs.get(id);
        if (list) list.push(String(tag));
        else pairs.set(id, [String(tag)]);
      }
    }
    for (const [id, tags] of pairs) setNote(id, tags);
  }

  // Still seconds at 100k notes on a new worker (one read per distinct tag, profiled for issue 19: the worker
  // sits idle between them), so the capture panel asks for tag suggestions only after its quote is shown.

  /** Loads once, then folds in the notes changed since; one step at a time, so an older read never lands last. */
  let queue: Promise<void> = Promise.resolve();
  function current(): Promise<void> {
    queue = queue.then(async () => {
      loading ??= load();
      await loading;
      for (const row of await db.notes.where('updatedAt').above(maxUpdatedAt).toArray()) {
        maxUpdatedAt = Math.max(maxUpdatedAt, row.updatedAt);
        setNote(row.id, row.tags);
        dirty.delete(row.id);
      }
      if (dirty.size === 0) return;
      const ids = [...dirty];
      dirty.clear();
      const rows = await db.notes.bulkGet(ids);
      rows.forEach((row, i) => setNote(ids[i]!, row?.tags));
    });
    return queue;
  }

  return {
    /** Call with every note id written (created, edited, deleted, merged by sync). Cheap: read on next use. */
    changed(ids: Iterable<string>): void {
      for (const id of ids) dirty.add(id);
    },

    /** The `limit` most used tags, most used first, ties by name (as notesRepository.tagCounts). */
    async top(limit = 50): Promise<TagCount[]> {
      await current();
      sorted ??= [...counts]
        .map(([tag, count]) => ({ tag, count }))
        .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
      return sorted.slice(0, limit);
    },
  };
}
export type LiveTagCounts = ReturnType<typeof liveTagCounts>;
