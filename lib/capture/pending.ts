import type { CaptureRequest } from '../messaging/protocol';
import { createExpiringStore } from '../messaging/expiring-store';

export interface PendingEntry {
  request: CaptureRequest;
  tabId: number;
  frameId: number;
}

/** More harvests than anyone has open at once; each holds up to a page's HTML (megabytes). */
export const MAX_PENDING_CAPTURES = 20;

/**
 * Harvests waiting for their capture panel. The id in the panel's URL is 128 random bits, so a page that
 * frames capture.html itself can't guess another harvest; entries expire, and at most MAX_PENDING_CAPTURES
 * are held (the oldest go), so nothing piles up however often a page starts one.
 */
export function createPendingCaptures(ttlMs = 10 * 60_000, now: () => number = Date.now) {
  const store = createExpiringStore<PendingEntry>({ ttlMs, maxEntries: MAX_PENDING_CAPTURES, now });
  return {
    add: (request: CaptureRequest, tabId: number, frameId: number): string => store.add({ request, tabId, frameId }),
    get: (id: string): PendingEntry | undefined => store.get(id),
    remove: (id: string): PendingEntry | undefined => store.take(id),
    get size() {
      return store.size;
    },
  };
}
export type PendingCaptures = ReturnType<typeof createPendingCaptures>;
