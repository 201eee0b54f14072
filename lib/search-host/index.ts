/**
 * The one search client of the popup and the new tab: queries go to the warm search host on Chrome, and to
 * the page's own index where there is no offscreen document (Firefox).
 */
import { notes } from '../db';
import { sendToBackground } from '../messaging/messenger';
import { hostBackend, localBackend } from './backends';
import type { SearchBackend } from './client';
import { createSearchClient, type SearchClient } from './client';
import { portSender } from './port';
import { connectSearchHost } from './shared-port';

export type { SearchClient } from './client';

let client: SearchClient | null = null;

/** Firefox's in-page index, loaded on first use: the search engine is not in the page's first bundle. */
function firefoxBackend(): SearchBackend {
  let local: Promise<SearchBackend> | undefined;
  const backend = () =>
    (local ??= Promise.all([import('../db/saved-search-index'), import('../db/note-rows')]).then(
      ([{ searchIndex }, { noteRows }]) => localBackend(searchIndex, (n) => notes.tagCounts(n), noteRows()),
    ));
  return {
    search: async (query, limit) => (await backend()).search(query, limit),
    changed: async (ids) => (await backend()).changed(ids),
    topTags: async (limit) => (await backend()).topTags(limit),
  };
}

/**
 * Requests go straight to the host's shared worker, over its port; asking the background to create the host is
 * a runtime message.
 */
function chromeBackend(): SearchBackend {
  return hostBackend(portSender(connectSearchHost), () => sendToBackground('ensureSearchHost'));
}

/** The page's search client, made on first use. */
export function searchClient(): SearchClient {
  client ??= createSearchClient(import.meta.env.FIREFOX ? firefoxBackend() : chromeBackend());
  return client;
}
