import type { SearchIndexRepository } from '../db/search-index';
import type { Note } from '../model';
import type { ProtocolMap } from '../messaging/protocol';
import type { SearchBackend } from './client';

export type Send = <K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
) => Promise<ReturnType<ProtocolMap[K]>>;

/**
 * Queries go to the search host, which holds the one warm index: the page decodes nothing, so its first
 * paint and its typing never wait for the index. If the host is missing (first use, or Chrome closed it),
 * the background is asked to create it and the call is tried once more.
 */
export function hostBackend(send: Send): SearchBackend {
  async function call<K extends keyof ProtocolMap>(type: K, data: Parameters<ProtocolMap[K]>[0]) {
    try {
      return await send(type, data);
    } catch {
      await send('ensureSearchHost', undefined);
      return send(type, data);
    }
  }
  return {
    search: (query, limit) => call('searchNotes', { query, limit }),
    searchRows: async (query, limit) => {
      const { hits, rows } = await call('searchNotesWithRows', { query, limit, has: [] });
      return inHitOrder(hits, rows);
    },
    changed: (ids) => call('searchIndexChanged', { ids }),
    topTags: (limit) => call('searchTopTags', { limit }),
  };
}

/**
 * The fallback where there is no offscreen document (Firefox): this page opens the saved index itself, on
 * the first query, and tag chips come from `tagCounts` so opening the page never decodes the index.
 */
export function localBackend(
  repo: SearchIndexRepository,
  tagCounts: (limit: number) => Promise<{ tag: string; count: number }[]>,
  readRows: (ids: string[]) => Promise<Note[] | null>,
): SearchBackend {
  const search = async (query: string, limit: number) => (await repo.open()).search(query, { limit });
  return {
    search,
    searchRows: async (query, limit) => {
      const hits = await search(query, limit);
      return hits.length > 0 ? ((await readRows(hits.map((h) => h.id))) ?? []) : [];
    },
    changed: (ids) => repo.refresh(ids),
    topTags: tagCounts,
  };
}

/** The rows of `hits` in their order; a hit without a row (deleted since the index saw it) is left out. */
function inHitOrder(hits: { id: string }[], rows: Note[]): Note[] {
  const byId = new Map(rows.map((n) => [n.id, n]));
  return hits.flatMap((h) => byId.get(h.id) ?? []);
}
