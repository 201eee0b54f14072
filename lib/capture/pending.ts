import type { CaptureRequest } from '../messaging/protocol';

export interface PendingEntry {
  request: CaptureRequest;
  tabId: number;
  frameId: number;
  expiresAt: number;
}

/**
 * Harvests waiting for their capture panel. The id in the panel's URL is 128 random bits, so a page that
 * frames capture.html itself can't guess another harvest; entries expire so nothing piles up.
 */
export function createPendingCaptures(ttlMs = 10 * 60_000, now: () => number = Date.now) {
  const entries = new Map<string, PendingEntry>();
  const sweep = () => {
    const t = now();
    for (const [id, e] of entries) if (e.expiresAt <= t) entries.delete(id);
  };
  return {
    add(request: CaptureRequest, tabId: number, frameId: number): string {
      sweep();
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      entries.set(id, { request, tabId, frameId, expiresAt: now() + ttlMs });
      return id;
    },
    get(id: string): PendingEntry | undefined {
      sweep();
      return entries.get(id);
    },
    remove(id: string): PendingEntry | undefined {
      const e = entries.get(id);
      entries.delete(id);
      return e;
    },
  };
}
export type PendingCaptures = ReturnType<typeof createPendingCaptures>;
