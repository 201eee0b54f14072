import type { Note } from '../model';

/** One question's helpers as last computed, with what they were computed from. */
export interface HelpersEntry {
  helpers: string[];
  /** The similar questions whose answerers were read: the question's neighbourhood. */
  neighbours: string[];
  /** Who had answered each neighbour then (`answerersSignature`): an answer there changes the helpers. */
  answerers: string;
}

/** The cache as plain data (IndexedDB, structured clone). */
export interface SavedHelpers {
  format: 1;
  /** `questionsVersion` of the questions the entries were computed against. */
  version: string;
  entries: Record<string, HelpersEntry>;
}

/**
 * The version of the similarity model the ladder's first rung reads: the live questions (id, community, last
 * edit). A question added, edited or deleted anywhere changes every word weight (TF-IDF), so it may move any
 * question's nearest neighbours: the version changes and every entry is recomputed. Answers, comments and
 * other notes leave it alone: they are checked per entry, through its neighbours' answerers.
 */
export function questionsVersion(questions: readonly Note[]): string {
  const keys = questions.map((q) => `${q.id}\u0000${q.communityId ?? ''}\u0000${q.updatedAt}`).sort();
  // FNV-1a, 2 x 32 bits (different offsets): a version label, not a security boundary.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const k of keys) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
    }
    a = Math.imul(a ^ 0x1f, 0x01000193) >>> 0;
  }
  return `${keys.length}:${a.toString(16)}:${b.toString(16)}`;
}

/** Who answered each neighbour, in a stable order: equal strings mean equal helpers (given the same version). */
export function answerersSignature(
  neighbours: readonly string[],
  answerers: ReadonlyMap<string, ReadonlySet<string>>,
): string {
  return neighbours.map((id) => `${id}=${[...(answerers.get(id) ?? [])].sort().join(',')}`).join(';');
}

/**
 * Each escalated question's helpers (the members who answered similar questions), kept between computations
 * so the question lists do not run one similarity lookup per question every time the new tab opens. An entry
 * is used only while the questions' version is the one it was computed against and its neighbours have the
 * same answerers; anything else recomputes it. Pure: the caller loads and saves `toSaved()`.
 */
export class HelpersCache {
  private version: string;
  private entries: Map<string, HelpersEntry>;
  /** Entries computed or dropped since load: whether saving is worth it. */
  isDirty = false;
  /** Hits and misses of the last use, for the benchmark and tests. */
  stats = { hits: 0, misses: 0 };

  constructor(saved?: SavedHelpers | null) {
    const ok = saved?.format === 1 && typeof saved.version === 'string' && saved.entries;
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

  helpers(
    question: Pick<Note, 'id'>,
    answerers: ReadonlyMap<string, ReadonlySet<string>>,
    compute: () => { helpers: string[]; neighbours: string[] },
  ): string[] {
    const e = this.entries.get(question.id);
    if (e && e.answerers === answerersSignature(e.neighbours, answerers)) {
      this.stats.hits++;
      return [...e.helpers];
    }
    this.stats.misses++;
    const fresh = compute();
    this.entries.set(question.id, { ...fresh, answerers: answerersSignature(fresh.neighbours, answerers) });
    this.isDirty = true;
    return [...fresh.helpers];
  }

  toSaved(): SavedHelpers {
    return { format: 1, version: this.version, entries: Object.fromEntries(this.entries) };
  }
}
