import { db } from './index';
import { searchIndexRepository } from './search-index';

/**
 * The saved search index of the extension's database. Its own module, not `lib/db`'s index, so pages that
 * only read notes (the popup, the new tab) do not bundle the search engine and Fuse.js: only the search host,
 * the background and the Firefox fallback load it.
 */
export const searchIndex = searchIndexRepository(db);
