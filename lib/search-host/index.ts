/**
 * The one search client of the popup and the new tab: queries go to the warm search host on Chrome, and to
 * the page's own index where there is no offscreen document (Firefox).
 */
import { notes, searchIndex } from '../db';
import { sendMessage } from '../messaging/protocol';
import { hostBackend, localBackend } from './backends';
import { createSearchClient, type SearchClient } from './client';

export type { SearchClient } from './client';

let client: SearchClient | null = null;

/** The page's search client, made on first use. */
export function searchClient(): SearchClient {
  client ??= createSearchClient(
    import.meta.env.FIREFOX ? localBackend(searchIndex, (n) => notes.tagCounts(n)) : hostBackend(sendMessage),
  );
  return client;
}
