// Chrome's offscreen document: the search host. It holds the one warm index the popup and new tab query,
// over their port (queries) and runtime messages (the background's change reports and compaction).
import { browser } from 'wxt/browser';
import { searchIndex } from '@/lib/db/saved-search-index';
import { onMessage } from '@/lib/messaging/protocol';
import { registerSearchHost, type On } from '@/lib/search-host/host';
import { portServer, type PortLike } from '@/lib/search-host/port';

const port = portServer((listener) =>
  browser.runtime.onConnect.addListener((p) => listener(p as unknown as PortLike & { name: string })),
);
const on: On = (type, handler) => {
  const offs = [onMessage(type, handler), port.on(type, handler as never)];
  return () => offs.forEach((off) => off());
};
registerSearchHost(searchIndex, on);
