// Chrome's offscreen document: keeps the search host alive. The index lives in a shared worker
// (search-worker.ts) that the popup and new tab query directly (lib/search-host/shared-port); this page holds it
// open and relays the background's change reports and compaction (runtime messages) to it.
import type { ProtocolMap } from '@/lib/messaging/protocol';
import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging/protocol';
import { extensionOrigins, FRAMED_PAGES, isFromExtensionPage } from '@/lib/messaging/sender';
import { portSender } from '@/lib/search-host/port';
import { connectSearchHost } from '@/lib/search-host/shared-port';

const toWorker = portSender(connectSearchHost);

/** What the background tells the host (lib/search-host/host.ts answers them, in the worker). */
const RELAYED = ['searchIndexChanged', 'compactSearchIndex'] as const;
const origins = extensionOrigins((p) => browser.runtime.getURL(p as '/'), FRAMED_PAGES);
for (const type of RELAYED) {
  // From the background or our pages only: a content script must not make the host rebuild its index.
  const relay = ({ data, sender }: { data: Parameters<ProtocolMap[typeof type]>[0]; sender: { url?: string } }) =>
    isFromExtensionPage(sender, origins) ? toWorker(type, data as never) : undefined;
  onMessage(type, relay as never);
}
// Start the worker now (it opens the saved index), not on the first query.
void toWorker('searchTopTags', { limit: 1 }).catch(() => undefined);
