import type { NoteRows } from '../db/note-rows';
import type { SearchIndexRepository } from '../db/search-index';
import type { AnswerOf, RequestOf, ToSearchHost } from '../messaging/protocol';
import type { SearchBackend } from './client';

/** A request to the search host (over its port). */
export type Send = <K extends keyof ToSearchHost>(
  type: K,
  data: RequestOf<ToSearchHost, K>,
) => Promise<AnswerOf<ToSearchHost, K>>;

/**
 * Queries go to the search host, which holds the one warm index: the page decodes nothing, so its first
 * paint and its typing never wait for the index. If the host is missing (first use, or Chrome closed it),
 * the background is asked to create it (`ensureHost`) and the call is tried once more.
 */
export function hostBackend(send: Send, ensureHost: () => Promise<void>): SearchBackend {
  async function call<K extends keyof ToSearchHost>(type: K, data: RequestOf<ToSearchHost, K>) {
    try {
      return await send(type, data);
    } catch {
      // The host is missing or went away: have it made, then one more try (its error, if any, goes up).
      await ensureHost();
      return send(type, data);
    }
  }
  return {
    search: (query, limit) => call('searchNotes', { query, limit }),
    changed: (ids) => call('searchIndexChanged', { ids }),
    topTags: (limit) => call('searchTopTags', { limit }),
  };
}

/**
 * The fallback where there is no offscreen document (Firefox): this page opens the saved index itself, on
 * the first query, and reads the rows it names (`rows`, as the host does); tag chips come from `tagCounts` so
 * opening the page never decodes the index.
 */
export function localBackend(
  repo: SearchIndexRepository,
  tagCounts: (limit: number) => Promise<{ tag: string; count: number }[]>,
  rows: NoteRows,
): SearchBackend {
  return {
    search: async (query, limit) => rows.read((await repo.open()).search(query, { limit }).map((h) => h.id)),
    changed: (ids) => {
      rows.forget();
      return repo.refresh(ids);
    },
    topTags: tagCounts,
  };
}
