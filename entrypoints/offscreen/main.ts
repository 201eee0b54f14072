// Chrome's offscreen document: keeps the search host alive. The index lives in a shared worker
// (search-worker.ts) that the popup and new tab query directly (lib/search-host/shared-port); this page holds it
// open and relays the background's change reports and compaction (runtime messages) to it.
import { browser } from 'wxt/browser';
import { onSearchHostMessage } from '@/lib/messaging/messenger';
import { extensionOrigins, FRAMED_PAGES, isFromExtensionPage } from '@/lib/messaging/sender';
import { portSender } from '@/lib/search-host/port';
import { connectSearchHost } from '@/lib/search-host/shared-port';

const toWorker = portSender(connectSearchHost);

const origins = extensionOrigins((p) => browser.runtime.getURL(p as '/'), FRAMED_PAGES);
// What the background tells the host (lib/search-host/host.ts answers them, in the worker). From the background
// or our pages only: a content script must not make the host rebuild its index.
onSearchHostMessage('searchIndexChanged', ({ data, sender }) =>
  isFromExtensionPage(sender, origins) ? toWorker('searchIndexChanged', data) : undefined,
);
onSearchHostMessage('compactSearchIndex', ({ data, sender }) =>
  isFromExtensionPage(sender, origins) ? toWorker('compactSearchIndex', data) : undefined,
);
// Start the worker now (it opens the saved index), not on the first query. Only a warm-up: the worker reports
// its own failure to open the index (lib/search-host/host.ts).
void toWorker('searchTopTags', { limit: 1 }).catch(() => undefined);
