import type { Note } from '../model';
import { tokenize } from '../text/normalize';
import { SavedSegment, type KeyKind, type SavedSimilarityIndex, type SlotFacts, type SlotRow } from './saved-segment';
import { DELTA_FORMAT, openDelta, type SavedSimilarityDelta } from './saved-delta';
import { comparableText, quoteKey } from './text-of';
import { threadKey } from './thread-key';

/**
 * Postings one query may walk: bounds the worst case (a draft made only of common words) so the capture panel
 * never waits; such drafts rarely reach the threshold through common words alone.
 */
const MAX_POSTINGS = 120_000;
const EMPTY = new Uint32Array(0);

export type { SavedSimilarityIndex, SlotFacts } from './saved-segment';
export type { SavedSimilarityDelta } from './saved-delta';

/**
 * A compact, incrementally maintained structure for finding notes like a draft in milliseconds at 100k notes:
 * word → note postings (for TF-IDF cosine), plus exact maps by page key, chat thread and normalised quote.
 * Build it once and keep it current with `upsert`/`remove`; queries never scan every note. A loaded index
 * keeps its saved slots in the saved columns (a SavedSegment, read as it lies) and adds later notes after them.
 */
export class SimilarityIndex {
  /** The saved slots 0..base.size-1 when loaded; their removals are marked in `baseDead`. */
  private base: SavedSegment | null = null;
  private baseDead = new Uint8Array(0);
  /** The note objects upserted in this session (a loaded index has none until notes are upserted). */
  private notes: (Note | undefined)[] = [];
  /** Per slot from base.size on (indexes below it are holes). */
  private facts: (SlotFacts | undefined)[] = [];
  private terms: (Uint32Array | undefined)[] = [];
  private quoteKeys: (string | undefined)[] = [];
  private pageKeys: (string | undefined)[] = [];
  private threadKeys: (string | undefined)[] = [];
  /** Slots of the notes added after the base (a base note is found through the base's id column). */
  private slotOf = new Map<string, number>();
  private termIds = new Map<string, number>();
  private words: string[] = [];
  /** Postings of slots added after the base (the base's own are in the segment). */
  private postings: number[][] = [];
  private df: number[] = [];
  private byPage: SlotsByKey = new Map();
  private byThread: SlotsByKey = new Map();
  private byQuote: SlotsByKey = new Map();
  private end = 0;
  private live = 0;
  private scores = new Float64Array(1024);
  /**
   * Ids upserted or removed since the index was built, loaded or last saved whole: what `saveDelta` writes. A
   * loaded index starts with its delta's ids, so each delta is cumulative (the base and one delta load whole).
   */
  private touched = new Set<string>();
  /** Bumped by `compact`, which renumbers every slot: a sliced save that sees it change starts again. */
  private layout = 0;

  /** Terms 0..baseWords-1 are the base's words (its postings hold their saved slots). */
  private get baseWords(): number {
    return this.base?.words.length ?? 0;
  }

  static build(notes: Iterable<Note>): SimilarityIndex {
    const index = new SimilarityIndex();
    for (const n of notes) index.upsert(n);
    return index;
  }

  /**
   * An index over `save()`'s data, read in place, with `saveDelta()`'s changes since then applied (a few notes:
   * their words and keys, no note object); throws a RangeError on data it did not write.
   */
  static load(saved: SavedSimilarityIndex, delta?: SavedSimilarityDelta): SimilarityIndex {
    const index = SimilarityIndex.loadBase(saved);
    if (delta) index.applyDelta(delta);
    return index;
  }

  private static loadBase(saved: SavedSimilarityIndex): SimilarityIndex {
    const base = SavedSegment.open(saved);
    const index = new SimilarityIndex();
    index.base = base;
    index.baseDead = new Uint8Array(base.size);
    for (const w of base.words) index.termId(w);
    for (let t = 0; t < base.words.length; t++) index.df[t] = base.postings(t).length;
    index.end = base.size;
    index.live = base.size;
    index.facts.length = index.terms.length = index.notes.length = base.size;
    index.quoteKeys.length = index.pageKeys.length = index.threadKeys.length = base.size;
    index.scores = new Float64Array(Math.max(1024, base.size * 2));
    return index;
  }

  /** The live slots as plain data, for `load` (dead slots and words no live note has are left out). */
  save(): SavedSimilarityIndex {
    const steps = this.saveInSlices(Infinity);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /**
   * `save()` a slice of `sliceSize` slots at a time: it yields between slices so a caller can let other work
   * run (a note write, a harvest), and the index may take upserts and removals meanwhile. What it returns
   * holds each note as it was when its slot was read; the ids changed after the start are in `touched` again
   * (see `startWholeSave`), so a delta saved after this base brings them up to date. Throws when the index was
   * compacted meanwhile (every slot renumbered): save again.
   */
  *saveInSlices(sliceSize: number): Generator<void, SavedSimilarityIndex, void> {
    const layout = this.layout;
    const end = this.end;
    const remap = new Int32Array(this.words.length).fill(-1);
    const words: string[] = [];
    const rows: SlotRow[] = [];
    for (let s = 0; s < end; s++) {
      if (s > 0 && s % sliceSize === 0) {
        yield;
        if (this.layout !== layout) throw new Error('The similarity index was compacted while it was saved');
      }
      const row = this.rowAt(s, (t) => {
        if (remap[t] === -1) remap[t] = words.push(this.words[t]!) - 1;
        return remap[t]!;
      });
      if (row) rows.push(row);
    }
    yield;
    if (this.layout !== layout) throw new Error('The similarity index was compacted while it was saved');
    return yield* SavedSegment.packInSlices(rows, words);
  }

  /** Slot `s` as a saved row, its term ids mapped by `mapTerm`; undefined for a dead slot. */
  private rowAt(s: number, mapTerm: (t: number) => number): SlotRow | undefined {
    const terms = this.termsAt(s);
    if (!terms) return undefined;
    const mapped = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++) mapped[i] = mapTerm(terms[i]!);
    return {
      facts: this.factsAt(s)!,
      terms: mapped,
      page: this.keyAt('page', s),
      thread: this.keyAt('thread', s),
      quote: this.keyAt('quote', s),
    };
  }

  /** How many notes changed since the index was last saved whole: the size of the next `saveDelta`. */
  get deltaSize(): number {
    return this.touched.size;
  }

  /**
   * Call before a whole save (`save` or `saveInSlices`) whose result becomes the saved base: the delta starts
   * empty from here. Returns an undo for a save that failed (the ids go back into the delta).
   */
  startWholeSave(): () => void {
    const before = this.touched;
    this.touched = new Set();
    return () => {
      for (const id of before) this.touched.add(id);
    };
  }

  /**
   * The notes changed since the last whole save, as their own small segment plus the ids removed: saved
   * beside the base, so a save after a harvest packs a few notes instead of every one. Cumulative: each delta
   * replaces the previous one.
   */
  saveDelta(): SavedSimilarityDelta {
    const termIds = new Map<number, number>();
    const words: string[] = [];
    const rows: SlotRow[] = [];
    const removed: string[] = [];
    for (const id of this.touched) {
      const slot = this.slotOfId(id);
      const row =
        slot === undefined
          ? undefined
          : this.rowAt(slot, (t) => {
              let k = termIds.get(t);
              if (k === undefined) termIds.set(t, (k = words.push(this.words[t]!) - 1));
              return k;
            });
      if (row) rows.push(row);
      else removed.push(id);
    }
    return { format: DELTA_FORMAT, removed, rows: SavedSegment.pack(rows, words) };
  }

  /** Replays a delta over the base just loaded: its removals, then its notes in their new versions. */
  private applyDelta(saved: SavedSimilarityDelta): void {
    const delta = openDelta(saved);
    for (const id of saved.removed) this.remove(id);
    for (let s = 0; s < delta.size; s++) {
      const facts = delta.facts(s);
      this.remove(facts.id);
      const terms = delta.terms(s);
      const mapped = new Uint32Array(terms.length);
      for (let i = 0; i < terms.length; i++) mapped[i] = this.termId(delta.words[terms[i]!]!);
      this.addSlot(facts, mapped, {
        page: delta.key('page', s),
        thread: delta.key('thread', s),
        quote: delta.key('quote', s),
      });
    }
    this.touched = new Set([...saved.removed, ...Array.from({ length: delta.size }, (_, s) => delta.facts(s).id)]);
  }

  /** Live notes and the sum of their updatedAt modulo a prime: compared with the notes table's at load. */
  fingerprint(): { count: number; sum: number } {
    let sum = 0;
    for (let s = 0; s < this.end; s++) {
      if (s < this.baseDead.length) {
        if (!this.baseDead[s]) sum = SimilarityIndex.addToSum(sum, this.base!.updatedAt(s));
      } else {
        const f = this.facts[s];
        if (f) sum = SimilarityIndex.addToSum(sum, f.updatedAt);
      }
    }
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
    this.touched.add(note.id);
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
    note?: Note,
  ): void {
    const slot = this.end++;
    for (const t of termArr) {
      this.postings[t]!.push(slot);
      this.df[t]! += 1;
    }
    this.notes[slot] = note;
    this.facts[slot] = facts;
    this.terms[slot] = termArr;
    this.quoteKeys[slot] = keys.quote;
    this.pageKeys[slot] = keys.page;
    this.threadKeys[slot] = keys.thread;
    this.slotOf.set(facts.id, slot);
    addTo(this.byPage, keys.page, slot);
    addTo(this.byThread, keys.thread, slot);
    addTo(this.byQuote, keys.quote, slot);
    this.live += 1;
    if (this.scores.length < this.end) this.scores = new Float64Array(this.end * 2);
  }

  /** Forgets a note (its postings stay as dead slots, skipped on read). */
  remove(id: string): void {
    this.touched.add(id);
    const slot = this.slotOfId(id);
    if (slot === undefined) return;
    for (const t of this.termsAt(slot)!) this.df[t]! -= 1;
    if (slot < this.baseDead.length) {
      this.baseDead[slot] = 1;
    } else {
      removeFrom(this.byPage, this.pageKeys[slot], slot);
      removeFrom(this.byThread, this.threadKeys[slot], slot);
      removeFrom(this.byQuote, this.quoteKeys[slot], slot);
      this.facts[slot] = undefined;
      this.terms[slot] = undefined;
      this.slotOf.delete(id);
    }
    this.notes[slot] = undefined;
    this.live -= 1;
    if (this.end > 1024 && this.live < this.end / 2) this.compact();
  }

  /** Rebuilds without dead slots, so a long session of edits does not grow the postings forever. */
  private compact(): void {
    const noteOf = (id: string) => this.noteById(id);
    const fresh = SimilarityIndex.loadBase(this.save());
    for (let slot = 0; slot < fresh.end; slot++) fresh.notes[slot] = noteOf(fresh.factsOf(slot)!.id);
    // In memory only: what was saved on disk, and so what the next delta must carry, is unchanged.
    Object.assign(this, fresh, { touched: this.touched, layout: this.layout + 1 });
  }

  private slotOfId(id: string): number | undefined {
    const slot = this.slotOf.get(id) ?? this.base?.slotOfId(id);
    return slot === undefined || this.baseDead[slot] ? undefined : slot;
  }

  private termsAt(slot: number): Uint32Array | undefined {
    if (slot < this.baseDead.length) return this.baseDead[slot] ? undefined : this.base!.terms(slot);
    return this.terms[slot];
  }

  private factsAt(slot: number): SlotFacts | undefined {
    if (slot < this.baseDead.length) return this.baseDead[slot] ? undefined : this.base!.facts(slot);
    return this.facts[slot];
  }

  private keyAt(kind: KeyKind, slot: number): string | undefined {
    if (slot < this.baseDead.length) return this.baseDead[slot] ? undefined : this.base!.key(kind, slot);
    return (kind === 'page' ? this.pageKeys : kind === 'thread' ? this.threadKeys : this.quoteKeys)[slot];
  }

  /** The note object of `id`, when it was upserted in this session (a loaded index holds ids only). */
  noteById(id: string): Note | undefined {
    const slot = this.slotOfId(id);
    return slot === undefined ? undefined : this.notes[slot];
  }
  /** @internal */
  factsOf(slot: number): SlotFacts | undefined {
    return this.factsAt(slot);
  }
  /** @internal */
  quoteKeyOf(slot: number): string | undefined {
    return this.keyAt('quote', slot);
  }
  /** @internal */
  slots(kind: KeyKind, key: string | undefined): Iterable<number> {
    if (key === undefined || key === '') return [];
    const fromBase = this.base ? this.base.slotsOf(kind, key).filter((s) => !this.baseDead[s]) : [];
    const map = kind === 'page' ? this.byPage : kind === 'thread' ? this.byThread : this.byQuote;
    const slots = map.get(key);
    const added = slots === undefined ? [] : typeof slots === 'number' ? [slots] : [...slots];
    return fromBase.length ? [...fromBase, ...added] : added;
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
      const fromBase = t < this.baseWords ? this.base!.postings(t) : EMPTY;
      budget -= fromBase.length + this.postings[t]!.length;
      for (const slot of fromBase) {
        if (this.baseDead[slot]) continue;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot]! += weight;
      }
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
      const docTerms = this.termsAt(slot);
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
