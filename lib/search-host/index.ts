/**
 * The one search client of the popup and the new tab: queries go to the warm search host on Chrome, and to
 * the page's own index where there is no offscreen document (Firefox).
 */
import { browser } from 'wxt/browser';
import { notes, searchIndex } from '../db';
import { sendMessage } from '../messaging/protocol';
import { hostBackend, localBackend, type Send } from './backends';
import { createSearchClient, type SearchClient } from './client';
import { portSender, SEARCH_PORT, type PortLike } from './port';

export type { SearchClient } from './client';

let client: SearchClient | null = null;

/** Requests for the host go over its port; asking the background to create the host is a runtime message. */
function chromeSend(): Send {
  const toHost = portSender(() => browser.runtime.connect({ name: SEARCH_PORT }) as unknown as PortLike);
  return (type, data) => (type === 'ensureSearchHost' ? sendMessage('ensureSearchHost') : toHost(type, data));
}

/** The page's search client, made on first use. */
export function searchClient(): SearchClient {
  client ??= createSearchClient(
    import.meta.env.FIREFOX ? localBackend(searchIndex, (n) => notes.tagCounts(n)) : hostBackend(chromeSend()),
  );
  return client;
}
