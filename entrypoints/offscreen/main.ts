// Chrome's offscreen document: the search host. It relays the popup's and new tab's queries (over their port)
// and the background's change reports and compaction (runtime messages) to the index, which lives in a
// dedicated worker (search-worker.ts: its own thread and heap, so its work and GC never pause the pages).
import { browser } from 'wxt/browser';
import type { ProtocolMap } from '@/lib/messaging/protocol';
import { onMessage } from '@/lib/messaging/protocol';
import { portSender, portServer, type PortLike } from '@/lib/search-host/port';

const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
const toWorker = portSender(() => ({
  postMessage: (message) => worker.postMessage(message),
  onMessage: { addListener: (fn) => worker.addEventListener('message', (e) => fn(e.data as never)) },
  onDisconnect: { addListener: (fn) => worker.addEventListener('error', () => fn()) },
}));

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
