import type { Note } from '../model';

/** Where queries are answered: the warm search host (Chrome's offscreen document) or this page's own index. */
export interface SearchBackend {
  /** The best live notes for `query`, best first, rows and all. */
  search(query: string, limit: number): Promise<Note[]>;
  /** Notes the background changed (and logged): wait until the answers include them. */
  changed(ids: string[]): Promise<void>;
  topTags(limit: number): Promise<{ tag: string; count: number }[]>;
}

export interface SearchClient extends Omit<SearchBackend, 'search'> {
  /** The notes, or null when a newer search started meanwhile: a stale answer can never replace a newer one. */
  search(query: string, limit: number): Promise<Note[] | null>;
}

/**
 * One search for the popup and the new tab, whichever backend answers. Searches are numbered; an answer
 * that arrives after a newer search was started is dropped, so results follow the latest keystroke even
 * when answers arrive out of order.
 */
export function createSearchClient(backend: SearchBackend): SearchClient {
  let latest = 0;
  return {
    async search(query, limit) {
      const seq = ++latest;
      const found = await backend.search(query, limit);
      return seq === latest ? found : null;
    },
    changed: (ids) => backend.changed(ids),
    topTags: (limit) => backend.topTags(limit),
  };
}
