import { SEARCH_PORT } from '../messaging/protocol';
import type { PortLike } from './port';

/** A port to the search host that the page can close. */
export type HostPort = PortLike & { disconnect(): void };

/**
 * A direct port to the search host: the index lives in a shared worker (one per profile, kept alive by the
 * offscreen document), so a page's queries go straight to its thread. Relaying them through the offscreen
 * document instead cost a hop on the extension's one renderer main thread, which the popup itself keeps busy
 * (React's boot, rendering): that wait was the keystroke tail. Where no offscreen document holds the worker
 * (yet), the page's connection starts it, and it opens the saved index itself.
 */
export function connectSearchHost(): HostPort {
  const worker = new SharedWorker(new URL('../../entrypoints/offscreen/search-worker.ts', import.meta.url), {
    type: 'module',
    name: SEARCH_PORT,
  });
  const { port } = worker;
  const listeners: ((message: never) => void)[] = [];
  const gone: (() => void)[] = [];
  port.onmessage = (e: MessageEvent) => {
    for (const fn of listeners) fn(e.data as never);
  };
  worker.onerror = () => {
    for (const fn of gone) fn();
  };
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: { addListener: (fn) => void listeners.push(fn) },
    onDisconnect: { addListener: (fn) => void gone.push(fn) },
    disconnect: () => port.close(),
  };
}
