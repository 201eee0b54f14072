import Fuse, { type Expression } from 'fuse.js';
import type { Store } from './store';
import { TEXT_FIELDS } from './store';

type FieldName = (typeof TEXT_FIELDS)[number];
type Fields = Record<FieldName, string>;

/** Quote and takeaway carry what the user learned; title, tags and site only say where. */
const FIELD_WEIGHT: Record<FieldName, number> = { quote: 3, takeaway: 3, title: 1.5, tags: 1.5, site: 1 };
const KEYS = TEXT_FIELDS.map((name) => ({ name, weight: FIELD_WEIGHT[name] }));

/**
 * What Fuse sees of a candidate: per field, the words the prefilter matched there (in text order, once
 * each: `matched` as Store.matchedFields gives them). Fuse then judges how close each typed word is to what
 * it matched, and in which fields, without scanning whole quotes: that keeps ranking 200 candidates within a
 * keystroke's budget.
 */
export function fieldTexts(store: Store, matched: number[][]): Fields {
  const t = store.vocab.terms;
  const out = {} as Fields;
  TEXT_FIELDS.forEach((name, f) => {
    out[name] = matched[f]!.map((id) => t[id]).join(' ');
  });
  return out;
}

/**
 * Fuse.js scores of `slots` for `words` (each word must match some field, fuzzily): 0 is a perfect match,
 * 1 no match. Fuse only ever sees the few hundred candidates the prefilter kept.
 */
export function fuseScores(records: Fields[], words: string[]): Float64Array {
  const scores = new Float64Array(records.length).fill(1);
  if (words.length === 0) return scores;
  const fuse = new Fuse(records, {
    keys: KEYS,
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.45,
    shouldSort: false,
    ignoreFieldNorm: true,
  });
  const query: Expression = { $and: words.map((w) => ({ $or: TEXT_FIELDS.map((k) => ({ [k]: w })) })) };
  for (const r of fuse.search(query)) scores[r.refIndex] = r.score ?? 1;
  return scores;
}

/** Mean over the query's word groups of the best field weight (0..1) a matching term sits in (`ids`: per field, at least every matched term). */
export function fieldScore(ids: number[][], groups: Set<number>[]): number {
  if (groups.length === 0) return 0;
  const max = Math.max(...Object.values(FIELD_WEIGHT));
  let sum = 0;
  for (const g of groups) {
    let best = 0;
    TEXT_FIELDS.forEach((name, f) => {
      if (FIELD_WEIGHT[name] > best && ids[f]!.some((id) => g.has(id))) best = FIELD_WEIGHT[name];
    });
    sum += best / max;
  }
  return sum / groups.length;
}
