/**
 * In-memory hand-offs keyed by a 128-bit random id: entries expire after `ttlMs`, and at most `maxEntries` are
 * kept (the oldest go first), so a page that starts harvests or opens cards in a loop cannot grow the
 * background's memory without bound.
 */
export function createExpiringStore<T>(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; expiresAt: number }>();
  const sweep = () => {
    const t = now();
    for (const [id, e] of entries) if (e.expiresAt <= t) entries.delete(id);
  };
  return {
    add(value: T): string {
      sweep();
      while (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value as string);
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      entries.set(id, { value, expiresAt: now() + options.ttlMs });
      return id;
    },
    get(id: string): T | undefined {
      sweep();
      return entries.get(id)?.value;
    },
    /** Removes and returns (a one-time code is used up by reading it this way). */
    take(id: string): T | undefined {
      sweep();
      const e = entries.get(id);
      entries.delete(id);
      return e?.value;
    },
    get size() {
      return entries.size;
    },
  };
}
