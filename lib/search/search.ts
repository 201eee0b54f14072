import { buildGroups, excludedTerms, matchGroups } from './match';
import { parseQuery, type ParsedQuery } from './query';
import { fieldScore, fieldTexts, fuseScores } from './rank';
import type { Store } from './store';
import { topK } from './top-k';

export interface SearchHit {
  id: string;
  /** Higher is better, roughly 0..1; only comparable within one result list. */
  score: number;
}

export interface SearchOptions {
  /** How many hits to return (default 20, at most 1000). */
  limit?: number;
  /** "Now" for recency and relative dates (default Date.now()); fixed in tests and benchmarks. */
  now?: number;
  /** How many prefiltered candidates Fuse.js ranks (default 200). */
  candidates?: number;
}

const W = { quality: 0.45, fuse: 0.2, field: 0.15, prior: 0.2 };

/** Runs one query over the store: prefilter by terms, filter by facts, pre-rank, then Fuse.js on the best few. */
export function runSearch(store: Store, input: string, options: SearchOptions = {}): SearchHit[] {
  const now = options.now ?? Date.now();
  const limit = Math.max(1, Math.min(options.limit ?? 20, 1000));
  const q = parseQuery(input, now);
  const groups = buildGroups(store, q);
  if (groups === null) return [];
  const excluded = excludedTerms(store, q);
  const matched = groups.length > 0 ? matchGroups(store, groups, excluded) : allSlots(store, excluded);
  const { quality } = matched;
  const hasFacts = q.after !== undefined || q.before !== undefined || q.isUnanswered || q.phrases.length > 0;
  const slots = hasFacts ? matched.slots.filter((s) => passesFacts(store, q, s)) : matched.slots;

  const prior = priorOf(store, now);
  const pre = store.scratch();
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    pre[s] = round(quality[s]! + 0.15 * prior(s));
  }
  const tie = (a: number, b: number) => tieBreak(store, a, b);
  const byPre = (a: number, b: number) => pre[b]! - pre[a]! || tie(a, b);
  const words = [...q.words.map((w) => w.text), ...q.phrases.map((p) => p.join(' '))];
  if (words.length === 0) {
    return topK(slots, limit, pre, tie).map((s) => ({ id: store.idOf(s), score: pre[s]! }));
  }

  const candidates = topK(slots, Math.max(limit, options.candidates ?? 200), pre, tie);
  const wordSets = groups.filter((g) => g.isScored).map((g) => new Set(g.terms.map((t) => t.id)));
  const flags = store.termFlags();
  for (const g of wordSets) for (const id of g) flags[id] = 1;
  const ids = candidates.map((s) => store.matchedFields(s, flags));
  for (const g of wordSets) for (const id of g) flags[id] = 0;
  const fuse = fuseScores(
    ids.map((fields) => fieldTexts(store, fields)),
    words,
  );
  candidates.forEach((s, i) => {
    const score =
      W.quality * quality[s]! + W.fuse * (1 - fuse[i]!) + W.field * fieldScore(ids[i]!, wordSets) + W.prior * prior(s);
    pre[s] = round(score);
  });
  return candidates
    .sort(byPre)
    .slice(0, limit)
    .map((s) => ({ id: store.idOf(s), score: pre[s]! }));
}

/**
 * A slot's worth before the query: recency (half-life 90 days, see Store.recencyBase) and thanks (saturating),
 * blended 0..1. Read per slot the search touches; "now" is taken to the minute so scores hold still while typing.
 */
function priorOf(store: Store, now: number): (slot: number) => number {
  const factor = store.recencyFactor(Math.floor(now / 60_000) * 60_000);
  const { recencyBase, thanks } = store;
  return (s) => {
    const t = thanks[s]!;
    return (2 * Math.min(1, recencyBase[s]! * factor) + t / (t + 5)) / 3;
  };
}

/** Rounded so float noise from summation order can never reorder equal hits. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

function tieBreak(store: Store, a: number, b: number): number {
  const d = store.createdAt[b]! - store.createdAt[a]!;
  if (d !== 0) return d;
  const ia = store.idOf(a);
  const ib = store.idOf(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Every live slot but the excluded ones: the candidates of a query made of filters on facts only. */
function allSlots(store: Store, excluded: number[]) {
  const isOut = new Uint8Array(store.end);
  for (const id of excluded) store.postings.forEach(id, (s) => void (isOut[s] = 1));
  const slots = new Int32Array(store.end);
  let n = 0;
  for (let s = 0; s < store.end; s++) if (store.alive[s] && !isOut[s]) slots[n++] = s;
  return { slots: slots.subarray(0, n), quality: new Float32Array(store.end) };
}

function passesFacts(store: Store, q: ParsedQuery, slot: number): boolean {
  const t = store.createdAt[slot]!;
  if (q.after !== undefined && t < q.after) return false;
  if (q.before !== undefined && t >= q.before) return false;
  if (q.isUnanswered && !store.isUnanswered(slot)) return false;
  if (q.phrases.length > 0) {
    const fields = store.fields(slot);
    for (const p of q.phrases) if (!hasPhrase(store, fields, p)) return false;
  }
  return true;
}

function hasPhrase(store: Store, fields: number[][], phrase: string[]): boolean {
  const ids = phrase.map((w) => store.vocab.live(w));
  for (const f of fields.slice(0, -1)) {
    for (let i = 0; i + ids.length <= f.length; i++) {
      if (ids.every((id, j) => f[i + j] === id)) return true;
    }
  }
  return false;
}
