import { typoBudget } from './edit-distance';
import type { ParsedQuery } from './query';
import type { Store } from './store';
import { FILTER_MARK } from './vocab';

/** A required part of the query: a doc matches it through any one of its terms (best weight counts). */
export interface Group {
  terms: { id: number; weight: number }[];
  /** Counts towards match quality (words do, filters do not). */
  isScored: boolean;
  /** At most this many docs are taken when it leads the match (the latest added first): short prefixes. */
  maxDocs?: number;
}

const PREFIX_LIMIT = 64;
const TYPO_LIMIT = 16;
/** Docs a one- or two-letter prefix may reach through its completions (see buildGroups). */
const SHORT_PREFIX_DOCS = 12_000;
/** Below this many docs with the word itself, typo neighbours are added. */
const TYPO_WHEN_FEWER = 20;

/**
 * The query as groups of term ids (AND of groups, OR within a group). `null` when some required part matches
 * nothing, so the whole query matches nothing.
 */
export function buildGroups(store: Store, q: ParsedQuery): Group[] | null {
  const { vocab } = store;
  const groups: Group[] = [];
  const n = Math.max(1, store.size);
  for (const w of q.words) {
    const terms: { id: number; weight: number }[] = [];
    const exact = vocab.live(w.text);
    if (exact >= 0) terms.push({ id: exact, weight: 1 });
    if (w.isPrefix) {
      // One or two typed letters match much of the vocabulary: only their most common words are worth it.
      // And a word begun with one or two letters stops at a budget of docs: enough to rank from, while a
      // walk over every doc of its commonest completions would cost the keystroke its frame.
      const limit = w.text.length === 1 ? 8 : w.text.length === 2 ? 24 : PREFIX_LIMIT;
      let budget = w.text.length <= 2 ? SHORT_PREFIX_DOCS : Infinity;
      for (const id of vocab.withPrefix(w.text, limit)) {
        if (budget <= 0) break;
        budget -= vocab.df[id]!;
        terms.push({ id, weight: 0.7 + (0.2 * w.text.length) / vocab.terms[id]!.length });
      }
    }
    const found = terms.reduce((sum, t) => sum + vocab.df[t.id]!, 0);
    if (found < TYPO_WHEN_FEWER) {
      for (const { id, edits } of vocab.nearby(w.text, typoBudget(w.text.length), TYPO_LIMIT)) {
        const common = Math.log1p(vocab.df[id]!) / Math.log1p(n);
        terms.push({ id, weight: 0.6 - 0.15 * (edits - 1) + 0.1 * common });
      }
    }
    if (terms.length === 0) return null;
    // A common stem ("micro", "trans") is as broad as a short prefix: its commonest completions alone reach
    // tens of thousands of docs. It leads the match with the same budget, so it costs a keystroke no more.
    const isBroad = w.isPrefix && (w.text.length <= 2 || vocab.countWithPrefix(w.text) > PREFIX_LIMIT);
    groups.push({ terms: sortTerms(terms, store), isScored: true, ...(isBroad ? { maxDocs: SHORT_PREFIX_DOCS } : {}) });
  }
  for (const phrase of q.phrases) {
    for (const word of phrase) {
      const id = vocab.live(word);
      if (id < 0) return null;
      groups.push({ terms: [{ id, weight: 1 }], isScored: true });
    }
  }
  const filters = [...q.filters];
  if (q.isUnanswered) filters.push({ field: 'kind', terms: ['question'], isPrefix: false });
  for (const f of filters) {
    for (const value of f.terms) {
      const term = `${FILTER_MARK}${f.field}:${value}`;
      const terms: { id: number; weight: number }[] = [];
      const exact = vocab.live(term);
      if (exact >= 0) terms.push({ id: exact, weight: 1 });
      if (f.isPrefix) for (const id of vocab.withPrefix(term, PREFIX_LIMIT)) terms.push({ id, weight: 1 });
      if (terms.length === 0) return null;
      groups.push({ terms: sortTerms(terms, store), isScored: false });
    }
  }
  return groups;
}

/** Best weight first, then by term text: the same order whatever the term ids, so results are reproducible. */
function sortTerms(terms: { id: number; weight: number }[], store: Store) {
  const t = store.vocab.terms;
  return terms.sort((a, b) => b.weight - a.weight || (t[a.id]! < t[b.id]! ? -1 : 1));
}

/** Term ids whose docs are excluded (`-word`, `-tag:x`). */
export function excludedTerms(store: Store, q: ParsedQuery): number[] {
  const out: number[] = [];
  for (const w of q.excludeWords) out.push(store.vocab.live(w));
  for (const f of q.excludeFilters)
    for (const v of f.terms) out.push(store.vocab.live(`${FILTER_MARK}${f.field}:${v}`));
  return out.filter((id) => id >= 0);
}

/**
 * Slots matching every group, with their match quality (mean best weight of the scored groups, 0..1).
 * Smallest group first, so later groups only mark slots that are still in the running. The slots are a view
 * of the store's scratch, valid until its next search.
 */
export function matchGroups(
  store: Store,
  groups: Group[],
  excluded: number[],
): { slots: Int32Array; quality: Float32Array } {
  const { postings, vocab } = store;
  const size = (g: Group) => g.terms.reduce((s, t) => s + vocab.df[t.id]!, 0);
  const ordered = groups
    .map((g) => ({ g, n: size(g) }))
    .sort((a, b) => a.n - b.n)
    .map((x) => x.g);
  const { hits, quality, touched, kept } = store.matchScratch();
  let count = 0;
  // The walks below are plain loops calling one `mark`: at 100k notes a three-letter prefix reaches some 40k
  // postings on every keystroke.
  let gi = 0;
  let add = 0;
  const mark = (slot: number) => {
    if (hits[slot] !== gi) return;
    hits[slot] = gi + 1;
    if (gi === 0) touched[count++] = slot;
    quality[slot]! += add;
  };
  for (; gi < ordered.length; gi++) {
    const g = ordered[gi]!;
    // A short prefix leading the match stops at its budget of docs, the latest added first.
    let left = gi === 0 && g.maxDocs !== undefined ? g.maxDocs : Infinity;
    for (const { id, weight } of g.terms) {
      if (left <= 0) break;
      add = g.isScored ? weight : 0;
      const bits = postings.bitsOf(id);
      if (bits && gi > 0 && count < vocab.df[id]!) {
        // A common word after a rarer one: test the few slots still in the running, not its many docs.
        for (let i = 0; i < count; i++) {
          const slot = touched[i]!;
          if ((bits[slot >>> 5]! >>> (slot & 31)) & 1) mark(slot);
        }
      } else if (bits) {
        for (let w = bits.length - 1; w >= 0 && left > 0; w--) {
          let word = bits[w]!;
          while (word !== 0 && left > 0) {
            const high = 31 - Math.clz32(word);
            mark((w << 5) | high);
            word &= ~(1 << high);
            left--;
          }
        }
      } else {
        const list = postings.listOf(id)!;
        const stop = Math.max(0, list.length - left);
        for (let i = list.length - 1; i >= stop; i--) mark(list[i]!);
        left -= list.length - stop;
      }
    }
  }
  store.touchedCount = count;
  for (const id of excluded) postings.forEach(id, (slot) => void (hits[slot] = 0));
  const full = ordered.length;
  const scored = Math.max(1, groups.filter((g) => g.isScored).length);
  let n = 0;
  for (let i = 0; i < count; i++) {
    const s = touched[i]!;
    if (hits[s] !== full) continue;
    quality[s] = quality[s]! / scored;
    kept[n++] = s;
  }
  return { slots: kept.subarray(0, n), quality };
}
