import { boundedEditDistance } from './edit-distance';

/** Filter terms (`tag:react`) start with this, so they sort apart and never match a typed word's prefix. */
export const FILTER_MARK = '\u0001';

/**
 * The index's vocabulary: term <-> dense id, live document frequency, and two lazily built lookups — terms
 * in sorted order (prefix expansion by binary search) and a trigram index (typo candidates).
 */
export class Vocab {
  readonly terms: string[] = [];
  /** term -> id; built on first intern after a load (a loaded vocabulary looks terms up by binary search). */
  private idMap: Map<string, number> | null = new Map();
  df = new Uint32Array(1024);
  private sorted: number[] = [];
  private unsorted: number[] = [];
  private grams: Map<string, number[]> | null = null;
  private gramCounts = new Uint32Array(0);
  private gramHit = new Int32Array(0);

  /** With `sortedOrder` (loading saved data), `terms` are taken as they are and sorted by that order. */
  constructor(terms: string[] = [], sortedOrder?: number[]) {
    if (!sortedOrder) {
      for (const t of terms) this.intern(t);
      return;
    }
    this.terms = terms;
    this.sorted = sortedOrder;
    this.idMap = null;
    this.df = new Uint32Array(Math.max(1024, terms.length));
  }

  private get ids(): Map<string, number> {
    if (!this.idMap) {
      this.idMap = new Map();
      this.terms.forEach((t, i) => this.idMap!.set(t, i));
    }
    return this.idMap;
  }

  /** Id of `term`, or -1: the map once built, else binary search of the sorted order. */
  private find(term: string): number {
    if (this.idMap) return this.idMap.get(term) ?? -1;
    const sorted = this.sortedIds();
    const at = this.lowerBound(term);
    return at < sorted.length && this.terms[sorted[at]!] === term ? sorted[at]! : -1;
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.terms.length;
    this.terms.push(term);
    this.ids.set(term, id);
    if (id >= this.df.length) {
      const next = new Uint32Array(this.df.length * 2);
      next.set(this.df);
      this.df = next;
    }
    this.unsorted.push(id);
    if (this.grams && !term.startsWith(FILTER_MARK)) addGrams(this.grams, term, id);
    return id;
  }

  /** Live term id of `term`, or -1 when no live document has it. */
  live(term: string): number {
    const id = this.find(term);
    return id >= 0 && this.df[id]! > 0 ? id : -1;
  }

  /** Ids in sorted order, of terms not yet in the sorted list merged in first. */
  sortedIds(): number[] {
    if (this.unsorted.length > 0) {
      const terms = this.terms;
      const cmp = (a: number, b: number) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0);
      if (this.unsorted.length > 2000) {
        this.sorted.push(...this.unsorted);
        this.sorted.sort(cmp);
      } else {
        for (const id of this.unsorted) this.sorted.splice(this.lowerBound(terms[id]!), 0, id);
      }
      this.unsorted = [];
    }
    return this.sorted;
  }

  private lowerBound(s: string): number {
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[sorted[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Live terms that start with `prefix` (excluding `prefix` itself), the `limit` most frequent first. */
  withPrefix(prefix: string, limit: number): number[] {
    const sorted = this.sortedIds();
    const best: number[] = [];
    for (let i = this.lowerBound(prefix); i < sorted.length; i++) {
      const id = sorted[i]!;
      const t = this.terms[id]!;
      if (!t.startsWith(prefix)) break;
      if (t.length === prefix.length || this.df[id] === 0) continue;
      best.push(id);
    }
    return this.topByDf(best, limit);
  }

  /** How many terms (live or not) start with `prefix`, itself excluded: two binary searches. */
  countWithPrefix(prefix: string): number {
    this.sortedIds();
    const from = this.lowerBound(prefix);
    const to = this.lowerBound(prefix + '\uffff');
    const hasSelf = from < to && this.terms[this.sorted[from]!] === prefix;
    return to - from - (hasSelf ? 1 : 0);
  }

  private topByDf(ids: number[], limit: number): number[] {
    const df = this.df;
    const terms = this.terms;
    ids.sort((a, b) => df[b]! - df[a]! || (terms[a]! < terms[b]! ? -1 : 1));
    return ids.length > limit ? ids.slice(0, limit) : ids;
  }

  /** Builds the lazy lookups now (sorted order, trigrams), so no later keystroke pays for them. */
  warm() {
    this.sortedIds();
    this.grams ??= this.buildGrams();
  }

  /** Live word terms within `maxEdits` of `word` (not `word` itself), with their distance. */
  nearby(word: string, maxEdits: number, limit: number): { id: number; edits: number }[] {
    if (maxEdits === 0) return [];
    this.grams ??= this.buildGrams();
    // Shared trigrams per term, counted in typed scratch (a Map cost more than the counting itself).
    if (this.gramCounts.length < this.terms.length) {
      this.gramCounts = new Uint32Array(this.terms.length * 2);
      this.gramHit = new Int32Array(this.terms.length * 2);
    }
    const { gramCounts: counts, gramHit: hit } = this;
    let hitCount = 0;
    for (const g of gramsOf(word)) {
      const list = this.grams.get(g);
      if (!list) continue;
      for (const id of list) if (counts[id]!++ === 0) hit[hitCount++] = id;
    }
    // An edit breaks at most 3 padded trigrams, a transposition 4.
    const need = Math.max(1, word.length - 4 * maxEdits);
    const out: { id: number; edits: number }[] = [];
    for (let i = 0; i < hitCount; i++) {
      const id = hit[i]!;
      const c = counts[id]!;
      counts[id] = 0;
      if (c < need || this.df[id] === 0) continue;
      const t = this.terms[id]!;
      if (t === word || Math.abs(t.length - word.length) > maxEdits) continue;
      const edits = boundedEditDistance(word, t, maxEdits);
      if (edits <= maxEdits) out.push({ id, edits });
    }
    const df = this.df;
    const terms = this.terms;
    out.sort((a, b) => a.edits - b.edits || df[b.id]! - df[a.id]! || (terms[a.id]! < terms[b.id]! ? -1 : 1));
    return out.slice(0, limit);
  }

  private buildGrams(): Map<string, number[]> {
    const grams = new Map<string, number[]>();
    this.terms.forEach((t, id) => {
      if (!t.startsWith(FILTER_MARK)) addGrams(grams, t, id);
    });
    return grams;
  }
}

function gramsOf(term: string): Set<string> {
  const s = ` ${term} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

function addGrams(grams: Map<string, number[]>, term: string, id: number) {
  for (const g of gramsOf(term)) {
    const list = grams.get(g);
    if (list) list.push(id);
    else grams.set(g, [id]);
  }
}
