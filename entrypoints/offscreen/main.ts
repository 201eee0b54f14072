// Chrome's offscreen document: keeps the search host alive. The index lives in a shared worker
// (search-worker.ts) that the popup and new tab query directly; this page holds it open, and relays the
// background's change reports and compaction (runtime messages) to it, and queries from pages that still
// connect over a runtime port.
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '@/lib/messaging/protocol';
import { onMessage } from '@/lib/messaging/protocol';
import { portSender, portServer, type PortLike } from '@/lib/search-host/port';
import { connectSearchHost } from '@/lib/search-host/shared-port';

const toWorker = portSender(connectSearchHost);

const port = portServer((listener) =>
  browser.runtime.onConnect.addListener((p) => listener(p as unknown as PortLike & { name: string })),
);
/** What registerSearchHost (lib/search-host/host.ts) answers, in the worker. */
const RELAYED = ['searchNotes', 'searchIndexChanged', 'searchTopTags', 'compactSearchIndex'] as const;
for (const type of RELAYED) {
  const relay = ({ data }: { data: Parameters<ProtocolMap[typeof type]>[0] }) => toWorker(type, data as never);
  onMessage(type, relay as never);
  port.on(type, relay as never);
}
// Start the worker now (it opens the saved index), not on the first query.
void toWorker('searchTopTags', { limit: 1 }).catch(() => undefined);
