/**
 * Our index beside MiniSearch and FlexSearch on the same notes, queries and keystrokes, each configured as its
 * own documentation advises for search-as-you-type over several fields:
 * - MiniSearch 7 (README "Search options"): `prefix: true`, `fuzzy: 0.2`, fields boosted like ours
 *   (quote and takeaway 3, title and tags 1.5).
 * - FlexSearch 0.8 (README "Tokenizer (Partial Match)", "Fuzzy-Search", "Best Practices"): a Document index,
 *   tokenizer `forward` (the first that covers typing a prefix), the `LatinBalance` encoder for fuzziness,
 *   `suggest: true` when searching, numeric ids.
 * Neither understands our filters (`tag:`, `kind:`…), so the comparison runs on the queries made of words only.
 */
import { Charset, Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { SearchDoc, SearchIndex } from '../lib/search/index';
import type { BenchQuery, Oracle } from './search-queries';

export interface RivalFigures {
  buildMs: number;
  keystrokeP95Ms: number;
  /** Keystrokes timed: all of the first 60 queries' prefixes, or fewer where an engine spent its budget. */
  keystrokes: number;
  recallExact: number;
  recallTypo: number;
}

interface Engine {
  search(query: string, limit: number): number[];
}

/**
 * Time one engine may spend typing. MiniSearch answers a first typed letter by scoring every doc of every
 * word it begins (seconds at 100k notes), so an uncapped run would take hours; the p95 of what was typed in
 * the budget is printed with its count.
 */
const KEYSTROKE_BUDGET_MS = Number(process.env.SEARCH_BENCH_RIVAL_TYPING_MS ?? 120_000);

const FIELDS = ['title', 'quote', 'takeaway', 'site', 'tags'] as const;
const BOOST = { quote: 3, takeaway: 3, title: 1.5, tags: 1.5, site: 1 };

const q95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]! : NaN;
};

function recallAt10(hits: number[], relevant: Set<number>): number {
  if (relevant.size === 0) return NaN;
  const want = Math.min(10, relevant.size);
  return hits.slice(0, want).filter((i) => relevant.has(i)).length / want;
}

const mean = (xs: number[]) => {
  const v = xs.filter((x) => !Number.isNaN(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
};

function miniSearch(docs: SearchDoc[]): Engine {
  const mini = new MiniSearch<{ id: number } & Record<(typeof FIELDS)[number], string>>({
    fields: [...FIELDS],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: BOOST },
  });
  mini.addAll(docs.map((d, id) => ({ id, ...textOf(d) })));
  return {
    search: (q, limit) =>
      mini
        .search(q)
        .slice(0, limit)
        .map((r) => r.id as number),
  };
}

function flexSearch(docs: SearchDoc[]): Engine {
  const flex = new Document({
    document: { id: 'id', index: [...FIELDS] },
    tokenize: 'forward',
    encoder: Charset.LatinBalance,
  });
  docs.forEach((d, id) => flex.add({ id, ...textOf(d) }));
  return {
    search: (q, limit) => flex.search(q, { limit, suggest: true, merge: true }).map((r) => r.id as number),
  };
}

const textOf = (d: SearchDoc) => ({
  title: d.title,
  quote: d.quote,
  takeaway: d.takeaway,
  site: d.site,
  tags: d.tags.join(' '),
});

/**
 * Recall@10 (exact and typo'd twin) and keystroke p95 of each engine over the word-only queries: every
 * prefix of the first 60 queries (typo'd where they have a twin), typed one letter at a time.
 */
export function compareRivals(
  docs: SearchDoc[],
  ours: SearchIndex,
  queries: BenchQuery[],
  oracle: Oracle,
  idOf: Map<string, number>,
  now: number,
): Record<'ours' | 'minisearch' | 'flexsearch', RivalFigures> {
  const wordQueries = queries.filter((q) => !q.filter);
  const build = (make: () => Engine): [Engine, number] => {
    const t0 = performance.now();
    const engine = make();
    return [engine, performance.now() - t0];
  };
  const engines: [keyof ReturnType<typeof compareRivals>, Engine, number][] = [
    [
      'ours',
      { search: (q, limit) => ours.search(q, { limit, now }).map((h) => idOf.get(h.id)!) },
      0, // built by the caller (its own figure)
    ],
    ['minisearch', ...build(() => miniSearch(docs))],
    ['flexsearch', ...build(() => flexSearch(docs))],
  ];
  const out = {} as ReturnType<typeof compareRivals>;
  for (const [name, engine, buildMs] of engines) {
    const exact: number[] = [];
    const typo: number[] = [];
    for (const query of wordQueries) {
      const rel = oracle.relevant(query);
      exact.push(recallAt10(engine.search(query.text, 10), rel));
      if (query.typo) typo.push(recallAt10(engine.search(query.typo, 10), rel));
    }
    const keys: number[] = [];
    let spent = 0;
    typing: for (const query of wordQueries.slice(0, 60)) {
      const text = query.typo ?? query.text;
      for (let i = 1; i <= text.length; i++) {
        const t0 = performance.now();
        engine.search(text.slice(0, i), 20);
        keys.push(performance.now() - t0);
        spent += keys.at(-1)!;
        if (spent > KEYSTROKE_BUDGET_MS) break typing;
      }
    }
    out[name] = {
      buildMs,
      keystrokeP95Ms: q95(keys),
      keystrokes: keys.length,
      recallExact: mean(exact),
      recallTypo: mean(typo),
    };
  }
  return out;
}
