import type { Note } from '../model';

/** One question's helpers as last computed. */
export interface HelpersEntry {
  helpers: string[];
}

/** The cache as plain data (IndexedDB, structured clone). Format 1 (kept by similar questions) is dropped. */
export interface SavedHelpers {
  format: 2;
  /** `routingVersion` of everything the entries were computed from. */
  version: string;
  entries: Record<string, HelpersEntry>;
}

/**
 * The version of everything the helpers rung's routing reads (lib/questions/helpers `helperRouter`): the notes
 * it reads (`routingNotes`: id, community, last edit; a note that starts or stops mattering enters or leaves),
 * every question event seen by `now`, the opt-outs, and the hour routing is read at (`routeTime`: profiles and load
 * decay with time). Any of them changing may change any question's helpers (a rare word's weight moves with
 * every profile), so the version changes and every entry is recomputed. Order-independent, no sort: a sum of
 * per-item hashes.
 */
export function routingVersion(input: {
  notes: readonly Note[];
  events: readonly { id: string; at: number }[];
  optedOut?: ReadonlySet<string>;
  now: number;
  routeTime: number;
}): string {
  let a = 0;
  let b = 0;
  let n = 0;
  const add = (k: string) => {
    // FNV-1a, 2 x 32 bits (different offsets) per item, summed: a version label, not a security boundary.
    let x = 0x811c9dc5;
    let y = 0x01000193;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      x = Math.imul(x ^ c, 0x01000193) >>> 0;
      y = Math.imul(y ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
    }
    a = (a + x) >>> 0;
    b = (b + y) >>> 0;
    n++;
  };
  for (const note of input.notes) add(`n\u0000${note.id}\u0000${note.communityId ?? ''}\u0000${note.updatedAt}`);
  for (const e of input.events) if (e.at <= input.now) add(`e\u0000${e.id}`);
  for (const id of input.optedOut ?? []) add(`o\u0000${id}`);
  return `${input.routeTime}:${n}:${a.toString(16)}:${b.toString(16)}`;
}

/**
 * Each escalated question's helpers, kept between computations so the question lists do not route every
 * question each time the new tab opens. Entries are used only while the routing version is the one they were
 * computed against; anything else recomputes them. Pure: the caller loads and saves `toSaved()`.
 */
export class HelpersCache {
  private version: string;
  private entries: Map<string, HelpersEntry>;
  /** Entries computed or dropped since load: whether saving is worth it. */
  isDirty = false;
  /** Hits and misses of the last use, for the benchmark and tests. */
  stats = { hits: 0, misses: 0 };

  constructor(saved?: SavedHelpers | null) {
    const ok = saved?.format === 2 && typeof saved.version === 'string' && saved.entries;
    this.version = ok ? saved.version : '';
    this.entries = new Map(ok ? Object.entries(saved.entries) : []);
  }

  /** Starts a computation against `version`: entries of another version are dropped. */
  useVersion(version: string): void {
    if (version === this.version) return;
    this.version = version;
    if (this.entries.size) this.isDirty = true;
    this.entries.clear();
  }

  helpers(question: Pick<Note, 'id'>, compute: () => string[]): string[] {
    const e = this.entries.get(question.id);
    if (e) {
      this.stats.hits++;
      return [...e.helpers];
    }
    this.stats.misses++;
    const helpers = compute();
    this.entries.set(question.id, { helpers });
    this.isDirty = true;
    return [...helpers];
  }

  toSaved(): SavedHelpers {
    return { format: 2, version: this.version, entries: Object.fromEntries(this.entries) };
  }
}
