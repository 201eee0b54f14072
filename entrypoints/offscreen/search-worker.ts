// The search host's index, in a dedicated worker of the offscreen document: its own thread and its own V8 heap.
// Extension pages share one renderer process, main thread and heap: with the index on the offscreen page, the
// popup's heap held the whole index (74 MB at 20k notes) and every garbage collection of it paused the popup.
import { searchIndex } from '@/lib/db/saved-search-index';
import { registerSearchHost, type On } from '@/lib/search-host/host';
import { portServer, SEARCH_PORT, type PortLike } from '@/lib/search-host/port';

/** The worker's global scope (the project's TypeScript has the DOM library, not the worker one). */
const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
};
const fromPage: PortLike & { name: string } = {
  name: SEARCH_PORT,
  postMessage: (message) => scope.postMessage(message),
  onMessage: { addListener: (fn) => scope.addEventListener('message', (e) => fn(e.data as never)) },
  onDisconnect: { addListener: () => {} },
};
const server = portServer((listener) => listener(fromPage));
registerSearchHost(searchIndex, server.on as On);
