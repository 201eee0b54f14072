// Chrome's offscreen document: keeps the search host alive. The index lives in a shared worker
// (search-worker.ts) that the popup and new tab query directly (lib/search-host/shared-port); this page holds it
// open and relays the background's change reports and compaction (runtime messages) to it.
import { browser } from 'wxt/browser';
import { onSearchHostMessage } from '@/lib/messaging/messenger';
import { extensionOrigins, FRAMED_PAGES, isFromExtensionPage } from '@/lib/messaging/sender';
import { portSender } from '@/lib/search-host/port';
import { connectSearchHost } from '@/lib/search-host/shared-port';
import { snapshotRefresher } from '@/lib/newest-snapshot/refresh';
import { NEWEST_LIMIT } from '@/lib/newest-snapshot/snapshot';
import { logger } from '@/lib/log';

const toWorker = portSender(connectSearchHost);
/** The popup's first frame: its newest cards, stored again after every note write (lib/newest-snapshot). */
const refreshNewest = snapshotRefresher(localStorage, NEWEST_LIMIT);
const log = logger('search host');

const origins = extensionOrigins((p) => browser.runtime.getURL(p as '/'), FRAMED_PAGES);
// What the background tells the host (lib/search-host/host.ts answers them, in the worker). From the background
// or our pages only: a content script must not make the host rebuild its index.
onSearchHostMessage('searchIndexChanged', ({ data, sender }) => {
  if (!isFromExtensionPage(sender, origins)) return undefined;
  void refreshNewest().catch(log.failed('newest cards'));
  return toWorker('searchIndexChanged', data);
});
onSearchHostMessage('compactSearchIndex', ({ data, sender }) => {
  if (!isFromExtensionPage(sender, origins)) return undefined;
  void refreshNewest().catch(log.failed('newest cards'));
  return toWorker('compactSearchIndex', data);
});
// Start the worker now (it opens the saved index), not on the first query. Only a warm-up: the worker reports
// its own failure to open the index (lib/search-host/host.ts).
void toWorker('searchTopTags', { limit: 1 }).catch(() => undefined);
void refreshNewest().catch(log.failed('newest cards'));
