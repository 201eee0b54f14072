import type { Note, NoteKind } from '../model';
import { tokenize } from '../text/normalize';
import { comparableText, quoteKey } from './text-of';
import { threadKey } from './thread-key';

/**
 * Postings one query may walk: bounds the worst case (a draft made only of common words) so the capture panel
 * never waits; such drafts rarely reach the threshold through common words alone.
 */
const MAX_POSTINGS = 120_000;

/**
 * A compact, incrementally maintained structure for finding notes like a draft in milliseconds at 100k notes:
 * word → note postings (for TF-IDF cosine), plus exact maps by page key, chat thread and normalised quote.
 * Build it once (background start) and keep it current with `upsert`/`remove`; queries never scan every note.
 */
/** What a slot keeps of its note: enough to rank, to unindex, and to save without the note itself. */
export interface SlotFacts {
  id: string;
  kind: NoteKind;
  updatedAt: number;
}

/** The index as plain data for IndexedDB (structured clone copies the typed arrays in one go). */
export interface SavedSimilarityIndex {
  format: 1;
  words: string[];
  ids: string[];
  kinds: NoteKind[];
  updatedAt: Float64Array;
  pageKeys: (string | undefined)[];
  threadKeys: (string | undefined)[];
  quoteKeys: (string | undefined)[];
  /** Slot i's term ids are termData[sum of termCounts before i .. + termCounts[i]). */
  termCounts: Uint32Array;
  termData: Uint32Array;
}

export class SimilarityIndex {
  /** The note objects upserted in this session (a loaded index has none until notes are upserted). */
  private readonly notes: (Note | undefined)[] = [];
  private readonly facts: (SlotFacts | undefined)[] = [];
  private readonly terms: (Uint32Array | undefined)[] = [];
  private readonly quoteKeys: (string | undefined)[] = [];
  private readonly pageKeys: (string | undefined)[] = [];
  private readonly threadKeys: (string | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly df: number[] = [];
  private readonly byPage: SlotsByKey = new Map();
  private readonly byThread: SlotsByKey = new Map();
  private readonly byQuote: SlotsByKey = new Map();
  private live = 0;
  private scores = new Float64Array(1024);

  static build(notes: Iterable<Note>): SimilarityIndex {
    const index = new SimilarityIndex();
    for (const n of notes) index.upsert(n);
    return index;
  }

  /** An index from `save()`'s data; throws a RangeError on data it did not write. */
  static load(saved: SavedSimilarityIndex): SimilarityIndex {
    const index = new SimilarityIndex();
    const n = saved.ids?.length ?? -1;
    if (
      saved.format !== 1 ||
      n < 0 ||
      saved.termCounts.length !== n ||
      saved.kinds.length !== n ||
      saved.updatedAt.length !== n
    ) {
      throw new RangeError('Not a saved similarity index');
    }
    for (const w of saved.words) index.termId(w);
    let total = 0;
    for (const c of saved.termCounts) total += c;
    let maxTerm = -1;
    for (const t of saved.termData) if (t > maxTerm) maxTerm = t;
    if (total !== saved.termData.length || maxTerm >= saved.words.length) {
      throw new RangeError('Saved similarity index is corrupt');
    }
    let at = 0;
    for (let i = 0; i < n; i++) {
      const terms = saved.termData.subarray(at, (at += saved.termCounts[i]!));
      index.addSlot(
        { id: saved.ids[i]!, kind: saved.kinds[i]!, updatedAt: saved.updatedAt[i]! },
        terms,
        { page: saved.pageKeys[i], thread: saved.threadKeys[i], quote: saved.quoteKeys[i] },
        undefined,
      );
    }
    return index;
  }

  /** The live slots as plain data, for `load` (dead slots and words no live note has are left out). */
  save(): SavedSimilarityIndex {
    const slots = this.facts.flatMap((f, slot) => (f ? [slot] : []));
    const remap = new Map<number, number>();
    const words: string[] = [];
    let total = 0;
    for (const s of slots) {
      for (const t of this.terms[s]!) {
        if (!remap.has(t)) remap.set(t, words.push(this.words[t]!) - 1);
      }
      total += this.terms[s]!.length;
    }
    const termData = new Uint32Array(total);
    let at = 0;
    for (const s of slots) for (const t of this.terms[s]!) termData[at++] = remap.get(t)!;
    return {
      format: 1,
      words,
      ids: slots.map((s) => this.facts[s]!.id),
      kinds: slots.map((s) => this.facts[s]!.kind),
      updatedAt: Float64Array.from(slots, (s) => this.facts[s]!.updatedAt),
      pageKeys: slots.map((s) => this.pageKeys[s]),
      threadKeys: slots.map((s) => this.threadKeys[s]),
      quoteKeys: slots.map((s) => this.quoteKeys[s]),
      termCounts: Uint32Array.from(slots, (s) => this.terms[s]!.length),
      termData,
    };
  }

  /** Live notes and the sum of their updatedAt modulo a prime: compared with the notes table's at load. */
  fingerprint(): { count: number; sum: number } {
    let sum = 0;
    for (const f of this.facts) if (f) sum = SimilarityIndex.addToSum(sum, f.updatedAt);
    return { count: this.live, sum };
  }

  /** `sum + t` modulo 2^31 - 1 on whole milliseconds: exact in doubles, so any order of adding agrees. */
  static addToSum(sum: number, t: number): number {
    const P = 2147483647;
    const r = (Math.trunc(t) % P) + P;
    return (sum + r) % P;
  }

  /** How many live notes the index holds. */
  get size(): number {
    return this.live;
  }

  /** Adds or replaces a note; a tombstoned note is removed. */
  upsert(note: Note): void {
    this.remove(note.id);
    if (note.deletedAt !== undefined) return;
    const words = tokenize(comparableText(note.quote, note.takeaway, note.chat?.threadRoot?.text));
    const ids = new Set<number>();
    for (const w of words) ids.add(this.termId(w));
    this.addSlot(
      { id: note.id, kind: note.kind, updatedAt: note.updatedAt },
      Uint32Array.from(ids),
      { page: note.pageKey, thread: threadKey(note.chat), quote: quoteKey(note.quote) },
      note,
    );
  }

  private addSlot(
    facts: SlotFacts,
    termArr: Uint32Array,
    keys: { page: string | undefined; thread: string | undefined; quote: string | undefined },
    note: Note | undefined,
  ): void {
    const slot = this.facts.length;
    for (const t of termArr) {
      this.postings[t]!.push(slot);
      this.df[t]! += 1;
    }
    this.notes.push(note);
    this.facts.push(facts);
    this.terms.push(termArr);
    this.quoteKeys.push(keys.quote);
    this.pageKeys.push(keys.page);
    this.threadKeys.push(keys.thread);
    this.slotOf.set(facts.id, slot);
    addTo(this.byPage, keys.page, slot);
    addTo(this.byThread, keys.thread, slot);
    addTo(this.byQuote, keys.quote, slot);
    this.live += 1;
    if (this.scores.length < this.facts.length) this.scores = new Float64Array(this.facts.length * 2);
  }

  /** Forgets a note (its postings stay as dead slots, skipped on read). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    for (const t of this.terms[slot]!) this.df[t]! -= 1;
    removeFrom(this.byPage, this.pageKeys[slot], slot);
    removeFrom(this.byThread, this.threadKeys[slot], slot);
    removeFrom(this.byQuote, this.quoteKeys[slot], slot);
    this.notes[slot] = undefined;
    this.facts[slot] = undefined;
    this.terms[slot] = undefined;
    this.slotOf.delete(id);
    this.live -= 1;
    if (this.facts.length > 1024 && this.live < this.facts.length / 2) this.compact();
  }

  /** Rebuilds without dead slots, so a long session of edits does not grow the postings forever. */
  private compact(): void {
    const notes = this.notes;
    const fresh = SimilarityIndex.load(this.save());
    fresh.facts.forEach((f, slot) => (fresh.notes[slot] = notes[this.slotOf.get(f!.id)!]));
    Object.assign(this, fresh);
  }

  /** The note object of `id`, when it was upserted in this session (a loaded index holds ids only). */
  noteById(id: string): Note | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.notes[slot];
  }
  /** @internal */
  factsOf(slot: number): SlotFacts | undefined {
    return this.facts[slot];
  }
  /** @internal */
  quoteKeyOf(slot: number): string | undefined {
    return this.quoteKeys[slot];
  }
  /** @internal */
  slots(kind: 'page' | 'thread' | 'quote', key: string | undefined): Iterable<number> {
    if (key === undefined) return [];
    const map = kind === 'page' ? this.byPage : kind === 'thread' ? this.byThread : this.byQuote;
    const slots = map.get(key);
    return slots === undefined ? [] : typeof slots === 'number' ? [slots] : slots;
  }

  /**
   * TF-IDF cosine (binary term weights) between the words and the notes that could reach `minScore`, plus
   * the `extra` slots (same page, thread or quote) whose word score is shown. Postings are walked rarest word
   * first and the walk stops once the words left could not lift an unseen note to `minScore` (MaxScore
   * pruning): common words never cost a scan. Returns slot → cosine.
   */
  wordScores(
    words: string[],
    minScore: number,
    extra: Iterable<number> = [],
    keep = 64,
    maxPostings = MAX_POSTINGS,
  ): Map<number, number> {
    const n = Math.max(this.live, 1);
    const idf = (df: number) => Math.log(1 + n / Math.max(df, 1));
    const query = new Map<number, number>();
    let qNorm = 0;
    for (const w of new Set(words)) {
      const t = this.termIds.get(w);
      const df = t === undefined ? 0 : this.df[t]!;
      const weight = idf(df) ** 2;
      qNorm += weight;
      if (t !== undefined && df > 0) query.set(t, weight);
    }
    // cos <= sqrt(dot / qNorm), so a note needs dot >= minScore^2 * qNorm to qualify.
    const need = minScore * minScore * qNorm;
    const terms = [...query].sort((a, b) => b[1] - a[1]);
    let remaining = terms.reduce((sum, [, w]) => sum + w, 0);
    const touched: number[] = [];
    const scores = this.scores;
    let budget = maxPostings;
    for (const [t, weight] of terms) {
      if (remaining < need || budget <= 0) break;
      remaining -= weight;
      budget -= this.postings[t]!.length;
      for (const slot of this.postings[t]!) {
        if (this.terms[slot] === undefined) continue;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += weight;
      }
    }
    const candidates: { slot: number; acc: number }[] = [];
    for (const slot of touched) {
      const acc = scores[slot]!;
      scores[slot] = 0;
      if (acc + remaining >= need) candidates.push({ slot, acc });
    }
    candidates.sort((a, b) => b.acc - a.acc);
    const out = new Map<number, number>();
    const exact = (slot: number) => {
      const docTerms = this.terms[slot];
      if (!docTerms || out.has(slot)) return;
      let dot = 0;
      let dNorm = 0;
      for (const t of docTerms) {
        const w = idf(this.df[t]!) ** 2;
        dNorm += w;
        if (query.has(t)) dot += w;
      }
      out.set(slot, qNorm && dNorm ? dot / Math.sqrt(qNorm * dNorm) : 0);
    };
    for (const { slot } of candidates.slice(0, keep)) exact(slot);
    let extraCount = 0;
    for (const slot of extra) if (extraCount++ < keep) exact(slot);
    return out;
  }

  private termId(word: string): number {
    let t = this.termIds.get(word);
    if (t === undefined) {
      t = this.postings.length;
      this.termIds.set(word, t);
      this.words.push(word);
      this.postings.push([]);
      this.df.push(0);
    }
    return t;
  }
}

/**
 * Slots per key. Most keys (a quote, a thread) name one note: held as a bare slot number, a Set only from the
 * second, so loading 100k notes makes a few thousand Sets instead of 100k.
 */
type SlotsByKey = Map<string, number | Set<number>>;

function addTo(map: SlotsByKey, key: string | undefined, slot: number): void {
  if (key === undefined || key === '') return;
  const had = map.get(key);
  if (had === undefined) map.set(key, slot);
  else if (typeof had === 'number') map.set(key, new Set([had, slot]));
  else had.add(slot);
}

function removeFrom(map: SlotsByKey, key: string | undefined, slot: number): void {
  if (key === undefined) return;
  const had = map.get(key);
  if (had === slot) map.delete(key);
  else if (typeof had === 'object') {
    had.delete(slot);
    if (had.size === 1) map.set(key, had.values().next().value!);
  }
}
