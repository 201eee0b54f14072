// The search host's index, in a shared worker: its own thread and its own V8 heap, and one instance per profile
// that the offscreen document keeps alive and the popup and new tab reach directly (lib/search-host/shared-port).
// Extension pages share one renderer process, main thread and heap: with the index on the offscreen page, the
// popup's heap held the whole index (74 MB at 20k notes) and every garbage collection of it paused the popup.
import { noteRows } from '@/lib/db/note-rows';
import { searchIndex } from '@/lib/db/saved-search-index';
import { registerSearchHost, type On } from '@/lib/search-host/host';
import { SEARCH_PORT } from '@/lib/messaging/protocol';
import { portServer, type PortLike } from '@/lib/search-host/port';

/** The shared worker's global scope (the project's TypeScript has the DOM library, not the worker one). */
const scope = self as unknown as { addEventListener(type: 'connect', fn: (e: MessageEvent) => void): void };

const server = portServer((listener) =>
  scope.addEventListener('connect', (e) => {
    const port = e.ports[0]!;
    const page: PortLike & { name: string } = {
      name: SEARCH_PORT,
      postMessage: (message) => port.postMessage(message),
      onMessage: { addListener: (fn) => port.addEventListener('message', (m) => fn(m.data as never)) },
      onDisconnect: { addListener: () => {} },
    };
    listener(page);
    port.start();
  }),
);
registerSearchHost(searchIndex, server.on as On, noteRows());
