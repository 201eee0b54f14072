import { SearchIndex, toSearchDoc } from '../search/index';
import type { Note } from '../model';
import type { CommonplaceDb } from './schema';

/** Where the saved index and its change log live (tables `blobs` and `kv`; no schema change needed). */
export const SEARCH_INDEX_KEY = 'search-index';
const LOG_PREFIX = 'search-index:log:';
const META_KEY = 'search-index:meta';

interface Meta {
  /** Highest change-log seq folded into the saved index. */
  seq: number;
  /** Highest note.updatedAt folded in: a safety net for writes that never called noteChanged. */
  maxUpdatedAt: number;
  count: number;
  bytes: number;
  savedAt: number;
}
interface LogEntry {
  id: string;
  seq: number;
}

export interface SearchIndexOptions {
  /** Display name of a community id, so `in:name` works as well as `in:id`. */
  communityName?: (communityId: string) => string | undefined;
  now?: () => number;
}

/**
 * The search index's persistence and upkeep. The saved index is a snapshot plus a log of note ids changed
 * since: writers log (one tiny row per note, cheap inside any write), readers load the snapshot and replay
 * the log, and `compact` folds the log into a new snapshot now and then. So no page ever rebuilds the
 * index from all notes, and no write pays for re-saving 10 MB.
 */
export function searchIndexRepository(db: CommonplaceDb, options: SearchIndexOptions = {}) {
  const now = options.now ?? Date.now;
  let lastSeq = 0;
  let index: SearchIndex | null = null;
  let opening: Promise<SearchIndex> | null = null;
  let foldedSeq = 0;
  let maxUpdatedAt = 0;
  /** The saved snapshot as this index stands (nothing applied since it was loaded or saved), and its meta. */
  let saved: Meta | null = null;

  const nextSeq = () => (lastSeq = Math.max(now(), lastSeq + 1));

  /** Live notes' search docs by id (undefined: deleted or gone), with thanks counted from the thanks table. */
  async function docsFor(ids: string[]) {
    const notes = await db.notes.bulkGet(ids);
    return Promise.all(
      notes.map(async (note, i) => {
        if (!note || note.deletedAt !== undefined) return { id: ids[i]!, doc: undefined, note };
        const thanks = await db.thanks.where('noteId').equals(note.id).count();
        return { id: note.id, doc: docOf(note, thanks), note };
      }),
    );
  }

  function docOf(note: Note, thanks: number) {
    const name = note.communityId ? options.communityName?.(note.communityId) : undefined;
    return toSearchDoc(note, { thanks, ...(name ? { communityName: name } : {}) });
  }

  async function apply(target: SearchIndex, ids: string[]) {
    if (ids.length > 0) saved = null;
    for (const { id, doc, note } of await docsFor([...new Set(ids)])) {
      if (doc) target.upsert(doc);
      else target.remove(id);
      if (note) maxUpdatedAt = Math.max(maxUpdatedAt, note.updatedAt);
    }
  }

  /** Every note read by cursor (never a whole-table array), thanks counted from the thanks index alone. */
  async function buildFromNotes(): Promise<SearchIndex> {
    const thanks = new Map<string, number>();
    await db.thanks.orderBy('noteId').eachKey((k) => void thanks.set(String(k), (thanks.get(String(k)) ?? 0) + 1));
    const fresh = SearchIndex.build();
    maxUpdatedAt = 0;
    await db.notes.each((note) => {
      maxUpdatedAt = Math.max(maxUpdatedAt, note.updatedAt);
      if (note.deletedAt === undefined) fresh.upsert(docOf(note, thanks.get(note.id) ?? 0));
    });
    return fresh;
  }

  async function load(): Promise<SearchIndex> {
    const [blob, metaRow, log] = await db.transaction('r', db.blobs, db.kv, () =>
      Promise.all([
        db.blobs.get(SEARCH_INDEX_KEY),
        db.kv.get(META_KEY),
        db.blobs.where('key').startsWith(LOG_PREFIX).toArray(),
      ]),
    );
    const meta = metaRow?.value as Meta | undefined;
    let loaded: SearchIndex | null = null;
    if (blob?.data instanceof Uint8Array && meta) {
      try {
        loaded = SearchIndex.load(blob.data);
        foldedSeq = meta.seq;
        maxUpdatedAt = meta.maxUpdatedAt;
      } catch {
        loaded = null; // corrupt or an older format: rebuilt below
      }
    }
    saved = loaded ? (meta ?? null) : null;
    if (!loaded) {
      foldedSeq = 0;
      loaded = await buildFromNotes();
    }
    const entries = log.map((r) => r.data as LogEntry);
    const since = await db.notes.where('updatedAt').above(maxUpdatedAt).primaryKeys();
    await apply(loaded, [...entries.map((e) => e.id), ...since]);
    foldedSeq = entries.reduce((m, e) => Math.max(m, e.seq), foldedSeq);
    return loaded;
  }

  return {
    /**
     * The index, loaded once per page: the saved snapshot plus changes logged since (or, the very first
     * time, built from the notes table). Concurrent callers share one load.
     */
    async open(): Promise<SearchIndex> {
      if (index) return index;
      opening ??= load().then(
        (loaded) => (index = loaded),
        (e: unknown) => {
          opening = null;
          throw e;
        },
      );
      return opening;
    },

    /**
     * Call after every committed note write — create, edit, delete, restore, a sync merge, a thank — with
     * the ids written. Logs them for other pages and updates this page's open index, if any.
     */
    async noteChanged(ids: string | string[]): Promise<void> {
      const list = [...new Set(typeof ids === 'string' ? [ids] : ids)];
      if (list.length === 0) return;
      await db.blobs.bulkPut(list.map((id) => ({ key: LOG_PREFIX + id, data: { id, seq: nextSeq() } })));
      if (index) await apply(index, list);
    },

    /**
     * Folds notes already logged by another context (the background) into this context's open index, if
     * any, without logging them again: how a long-lived search host keeps its warm index current.
     */
    async refresh(ids: string[]): Promise<void> {
      if (index) await apply(index, ids);
    },

    /** How many changes wait in the log: compact when it grows (say past 500) or when the browser is idle. */
    async pendingChanges(): Promise<number> {
      return db.blobs.where('key').startsWith(LOG_PREFIX).count();
    },

    /**
     * Saves the index with the log folded in and drops the folded log entries (entries logged meanwhile
     * have a higher seq and stay). Meant for the background, debounced, not for every keystroke or write.
     */
    async compact(): Promise<Meta> {
      const current = await this.open();
      const log = await db.blobs.where('key').startsWith(LOG_PREFIX).toArray();
      // Nothing logged, nothing applied since the snapshot was loaded or saved: re-saving 10 MB would change
      // nothing (start-up folds the log, and after a clean shutdown there is none).
      if (saved && log.length === 0) return saved;
      const entries = log.map((r) => r.data as LogEntry).filter((e) => e.seq > foldedSeq);
      await apply(
        current,
        entries.map((e) => e.id),
      );
      const seq = entries.reduce((m, e) => Math.max(m, e.seq), foldedSeq);
      const bytes = current.serialize();
      const meta: Meta = { seq, maxUpdatedAt, count: current.size, bytes: bytes.length, savedAt: now() };
      await db.transaction('rw', db.blobs, db.kv, async () => {
        await db.blobs.put({ key: SEARCH_INDEX_KEY, data: bytes });
        await db.kv.put({ key: META_KEY, value: meta });
        const folded = (await db.blobs.where('key').startsWith(LOG_PREFIX).toArray())
          .filter((r) => (r.data as LogEntry).seq <= seq)
          .map((r) => r.key);
        await db.blobs.bulkDelete(folded);
      });
      foldedSeq = seq;
      // A change applied to this index during the save has its log entry, so the next compaction saves it.
      saved = meta;
      return meta;
    },

    /** Throws the saved index away and builds it again from the notes table (repair, format change). */
    async rebuild(): Promise<SearchIndex> {
      index = await buildFromNotes();
      saved = null;
      opening = Promise.resolve(index);
      foldedSeq = 0;
      await this.compact();
      return index;
    },
  };
}
export type SearchIndexRepository = ReturnType<typeof searchIndexRepository>;
