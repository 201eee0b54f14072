import type { Note } from '../model';
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
export class SimilarityIndex {
  private readonly notes: (Note | undefined)[] = [];
  private readonly terms: (Uint32Array | undefined)[] = [];
  private readonly quoteKeys: (string | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly postings: number[][] = [];
  private readonly df: number[] = [];
  private readonly byPage = new Map<string, Set<number>>();
  private readonly byThread = new Map<string, Set<number>>();
  private readonly byQuote = new Map<string, Set<number>>();
  private live = 0;
  private scores = new Float64Array(1024);

  static build(notes: Iterable<Note>): SimilarityIndex {
    const index = new SimilarityIndex();
    for (const n of notes) index.upsert(n);
    return index;
  }

  /** How many live notes the index holds. */
  get size(): number {
    return this.live;
  }

  /** Adds or replaces a note; a tombstoned note is removed. */
  upsert(note: Note): void {
    this.remove(note.id);
    if (note.deletedAt !== undefined) return;
    const slot = this.notes.length;
    const words = tokenize(comparableText(note.quote, note.takeaway, note.chat?.threadRoot?.text));
    const ids = new Set<number>();
    for (const w of words) ids.add(this.termId(w));
    const termArr = Uint32Array.from(ids);
    for (const t of termArr) {
      this.postings[t]!.push(slot);
      this.df[t]! += 1;
    }
    this.notes.push(note);
    this.terms.push(termArr);
    const qk = quoteKey(note.quote);
    this.quoteKeys.push(qk);
    this.slotOf.set(note.id, slot);
    addTo(this.byPage, note.pageKey, slot);
    addTo(this.byThread, threadKey(note.chat), slot);
    addTo(this.byQuote, qk, slot);
    this.live += 1;
    if (this.scores.length < this.notes.length) this.scores = new Float64Array(this.notes.length * 2);
  }

  /** Forgets a note (its postings stay as dead slots, skipped on read). */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const note = this.notes[slot]!;
    for (const t of this.terms[slot]!) this.df[t]! -= 1;
    removeFrom(this.byPage, note.pageKey, slot);
    removeFrom(this.byThread, threadKey(note.chat), slot);
    removeFrom(this.byQuote, this.quoteKeys[slot], slot);
    this.notes[slot] = undefined;
    this.terms[slot] = undefined;
    this.slotOf.delete(id);
    this.live -= 1;
    if (this.notes.length > 1024 && this.live < this.notes.length / 2) this.compact();
  }

  /** Rebuilds without dead slots, so a long session of edits does not grow the postings forever. */
  private compact(): void {
    const liveNotes = this.notes.filter((n): n is Note => n !== undefined);
    const fresh = SimilarityIndex.build(liveNotes);
    Object.assign(this, fresh);
  }

  /** @internal Read side for find-similar.ts. */
  note(slot: number): Note | undefined {
    return this.notes[slot];
  }
  /** @internal */
  quoteKeyOf(slot: number): string | undefined {
    return this.quoteKeys[slot];
  }
  /** @internal */
  slots(kind: 'page' | 'thread' | 'quote', key: string | undefined): Iterable<number> {
    if (key === undefined) return [];
    const map = kind === 'page' ? this.byPage : kind === 'thread' ? this.byThread : this.byQuote;
    return map.get(key) ?? [];
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
      this.postings.push([]);
      this.df.push(0);
    }
    return t;
  }
}

function addTo(map: Map<string, Set<number>>, key: string | undefined, slot: number): void {
  if (key === undefined || key === '') return;
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(slot);
}

function removeFrom(map: Map<string, Set<number>>, key: string | undefined, slot: number): void {
  if (key === undefined) return;
  const set = map.get(key);
  set?.delete(slot);
  if (set && set.size === 0) map.delete(key);
}
