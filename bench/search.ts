/**
 * `npm run bench:search`: plain Fuse.js over every note vs our prefilter + Fuse.js ranking, side by side, on
 * seeded corpora of 1k–100k notes. Sizes can be narrowed while developing: SEARCH_BENCH_SIZES=1000,10000.
 * Run with --expose-gc (the npm script does) so heap figures are measured after a collection.
 */
import Fuse from 'fuse.js';
import { SearchIndex, type SearchDoc } from '../lib/search/index';
import { generateCorpus } from './search-corpus';
import { makeQueries, Oracle, type BenchQuery } from './search-queries';
import { compareRivals, type RivalFigures } from './search-rivals';

const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '1000,10000,50000,100000').split(',').map(Number);
/** Where MiniSearch and FlexSearch run beside ours (SEARCH_BENCH_RIVALS=0 skips them): the largest size. */
const RIVALS_AT = Number(process.env.SEARCH_BENCH_RIVALS ?? Math.max(...SIZES));
/** Share of long quotes (past 600 characters) in the corpus: about what real harvests hold (issue 19). */
const LONG_QUOTES = 0.18;
/** Plain Fuse scans everything: time only this many queries per size so the run stays in minutes. */
const FUSE_QUERIES: Record<number, number> = { 1000: 200, 10000: 20, 50000: 3, 100000: 3 };
const FUSE_OPTIONS = {
  keys: [
    { name: 'quote', weight: 3 },
    { name: 'takeaway', weight: 3 },
    { name: 'title', weight: 1.5 },
    { name: 'tags', weight: 1.5 },
    { name: 'site', weight: 1 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
};

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** JS heap plus ArrayBuffer backing stores (typed arrays live outside heapUsed but are memory all the same). */
const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const ms = (t0: number) => performance.now() - t0;
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;
const mb = (b: number) => r2(b / 1048576);

function recall(hits: string[], relevant: Set<number>, idOf: Map<string, number>): number {
  if (relevant.size === 0) return NaN;
  const want = Math.min(10, relevant.size);
  return hits.slice(0, want).filter((id) => relevant.has(idOf.get(id)!)).length / want;
}
const mean = (xs: number[]) => {
  const v = xs.filter((x) => !Number.isNaN(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
};

/** CPU time of the last `timed` call: on a shared, overloaded machine wall time also counts waiting for a core. */
let lastCpuMs = 0;
function timed<T>(fn: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = ms(t0);
  const c = process.cpuUsage(c0);
  lastCpuMs = (c.user + c.system) / 1000;
  return [out, wall];
}

function runOurs(
  docs: SearchDoc[],
  vocabulary: string[],
  queries: BenchQuery[],
  oracle: Oracle,
  idOf: Map<string, number>,
  now: number,
) {
  const [built, buildMs] = timed(() => SearchIndex.build(docs));
  const bytes = built.serialize();
  const h0 = heap();
  const loads: number[] = [];
  let index = built;
  for (let i = 0; i < 3; i++) {
    const [idx, t] = timed(() => SearchIndex.load(bytes));
    loads.push(t);
    index = idx;
  }
  const [, warmMs] = timed(() => index.warm());
  // What the search host does after loading (warm, then its rehearsal queries), then the first typo'd query.
  for (const r of index.rehearsalQueries()) index.search(r, { limit: 20, now });
  const firstTypo = queries.find((x) => x.typo)?.typo;
  const [, firstTypoMs] = firstTypo ? timed(() => index.search(firstTypo, { limit: 20, now })) : [null, NaN];
  const firstTypoCpuMs = lastCpuMs;
  const times: number[] = [];
  const exact: number[] = [];
  const typo: number[] = [];
  const typoTimes: number[] = [];
  const timesCpu: number[] = [];
  for (const query of queries) {
    const [hits, t] = timed(() => index.search(query.text, { limit: 10, now }));
    times.push(t);
    timesCpu.push(lastCpuMs);
    const rel = oracle.relevant(query);
    exact.push(
      recall(
        hits.map((h) => h.id),
        rel,
        idOf,
      ),
    );
    if (query.typo) {
      const [th, tt] = timed(() => index.search(query.typo!, { limit: 10, now }));
      typoTimes.push(tt);
      typo.push(
        recall(
          th.map((h) => h.id),
          rel,
          idOf,
        ),
      );
    }
  }
  const keys: number[] = [];
  const keysCpu: number[] = [];
  for (const query of queries.slice(0, 60)) {
    const text = query.typo ?? query.text;
    for (let i = 1; i <= text.length; i++) {
      const [, t] = timed(() => index.search(text.slice(0, i), { limit: 20, now }));
      keys.push(t);
      keysCpu.push(lastCpuMs);
    }
  }
  // Keystrokes on the stems that begin the most words (hundreds of completions each), 3 to 5 letters typed.
  const stemKeysCpu: number[] = [];
  for (const stem of commonStems(vocabulary, 10)) {
    for (let i = 3; i <= Math.min(5, stem.length); i++) {
      timed(() => index.search(stem.slice(0, i), { limit: 20, now }));
      stemKeysCpu.push(lastCpuMs);
    }
  }
  const heapBytes = heap() - h0;
  void built;
  return {
    buildMs: buildMs,
    indexBytes: bytes.length,
    loadMs: q(loads, 0.5),
    warmMs,
    p50: q(times, 0.5),
    p95: q(times, 0.95),
    max: Math.max(...times),
    typoP95: q(typoTimes, 0.95),
    keystrokeP95: q(keys, 0.95),
    keystrokeP95Cpu: q(keysCpu, 0.95),
    stemKeystrokeP95Cpu: q(stemKeysCpu, 0.95),
    firstTypoMs,
    firstTypoCpuMs,
    p50Cpu: q(timesCpu, 0.5),
    p95Cpu: q(timesCpu, 0.95),
    recallExact: mean(exact),
    recallTypo: mean(typo),
    heapBytes,
    index,
  };
}

/** A word of each of the `n` three-letter stems that begin the most words of the corpus's vocabulary. */
function commonStems(words: string[], n: number): string[] {
  const byStem = new Map<string, string[]>();
  for (const w of words) {
    if (!/^\p{L}{6,}$/u.test(w)) continue;
    const list = byStem.get(w.slice(0, 3));
    if (list) list.push(w);
    else byStem.set(w.slice(0, 3), [w]);
  }
  return [...byStem.values()]
    .sort((a, b) => b.length - a.length)
    .slice(0, n)
    .map((list) => list.sort()[0]!);
}

function runFuse(docs: SearchDoc[], queries: BenchQuery[], oracle: Oracle, idOf: Map<string, number>) {
  const json = JSON.stringify(docs);
  const h0 = heap();
  const [fuse, buildMs] = timed(() => new Fuse(JSON.parse(json) as SearchDoc[], FUSE_OPTIONS));
  const heapBytes = heap() - h0;
  const indexJson = JSON.stringify(fuse.getIndex().toJSON());
  const [, loadMs] = timed(
    () => new Fuse(JSON.parse(json) as SearchDoc[], FUSE_OPTIONS, Fuse.parseIndex(JSON.parse(indexJson))),
  );
  const n = FUSE_QUERIES[docs.length] ?? 3;
  const times: number[] = [];
  const exact: number[] = [];
  const typo: number[] = [];
  for (const query of queries.slice(0, n)) {
    const words = query.words.join(' ');
    const [hits, t] = timed(() => fuse.search(words, { limit: 10 }));
    times.push(t);
    const rel = oracle.relevant(query);
    exact.push(
      recall(
        hits.map((h) => h.item.id),
        rel,
        idOf,
      ),
    );
    if (query.typo && docs.length <= 10_000) {
      const typoWords = query.typo.replace(/\s\w+:\S+/g, '');
      typo.push(
        recall(
          fuse.search(typoWords, { limit: 10 }).map((h) => h.item.id),
          rel,
          idOf,
        ),
      );
    }
  }
  return {
    buildMs,
    indexBytes: json.length + indexJson.length,
    loadMs,
    p50: q(times, 0.5),
    p95: q(times, 0.95),
    max: Math.max(...times),
    recallExact: mean(exact),
    recallTypo: mean(typo),
    heapBytes,
    queries: n,
  };
}

let last: Record<string, unknown> = {};
console.log(
  `load average at start: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${(await import('node:os')).cpus().length} cores`,
);
for (const n of SIZES) {
  const corpus = generateCorpus(n, 42, { longQuotes: LONG_QUOTES });
  const oracle = new Oracle(corpus.docs);
  const queries = makeQueries(corpus.docs, oracle, new Set(corpus.vocabulary.slice(0, 60)));
  const idOf = new Map(corpus.docs.map((d, i) => [d.id, i]));
  const ours = runOurs(corpus.docs, corpus.vocabulary, queries, oracle, idOf, corpus.now);
  const fuse = runFuse(corpus.docs, queries, oracle, idOf);
  const kinds = ['words', 'prefix', 'filter']
    .map((k) => `${k} ${queries.filter((x) => x.kind === k).length}`)
    .join(', ');
  console.log(
    `\n== N = ${n} notes · ${queries.length} queries (${kinds}), ${queries.filter((x) => x.typo).length} typo twins`,
  );
  console.table({
    'plain Fuse.js': {
      'build ms': r2(fuse.buildMs),
      'index MB': mb(fuse.indexBytes),
      'load ms': r2(fuse.loadMs),
      'warm ms': '-',
      'query p50 ms': r2(fuse.p50),
      'query p95 ms': r2(fuse.p95),
      'query max ms': r2(fuse.max),
      'keystroke p95 ms': '-',
      'cpu: query p50/p95, keystroke p95 ms': '-',
      'recall@10 exact': r2(fuse.recallExact),
      'recall@10 typo': r2(fuse.recallTypo),
      'heap MB': mb(fuse.heapBytes),
      queries: fuse.queries,
    },
    'prefilter + Fuse.js': {
      'build ms': r2(ours.buildMs),
      'index MB': mb(ours.indexBytes),
      'load ms': r2(ours.loadMs),
      'warm ms': r2(ours.warmMs),
      'query p50 ms': r2(ours.p50),
      'query p95 ms': r2(ours.p95),
      'query max ms': r2(ours.max),
      'keystroke p95 ms': r2(ours.keystrokeP95),
      'cpu: query p50/p95, keystroke p95 ms': `${r2(ours.p50Cpu)} / ${r2(ours.p95Cpu)}, ${r2(ours.keystrokeP95Cpu)}`,
      'recall@10 exact': r2(ours.recallExact),
      'recall@10 typo': r2(ours.recallTypo),
      'heap MB': mb(ours.heapBytes),
      queries: queries.length,
    },
  });
  const rivals = n === RIVALS_AT ? compareRivals(corpus.docs, ours.index, queries, oracle, idOf, corpus.now) : null;
  if (rivals) printRivals(n, rivals);
  const longShare = corpus.docs.filter((d) => d.quote.length > 600).length / n;
  console.log(
    `quotes past 600 characters: ${Math.round(longShare * 100)}% · first typo after load, warm-up and rehearsal: ${r2(ours.firstTypoMs)} ms (cpu ${r2(ours.firstTypoCpuMs)}) · stem keystroke p95 cpu ${r2(ours.stemKeystrokeP95Cpu)} ms vs all keystrokes ${r2(ours.keystrokeP95Cpu)} ms`,
  );
  last = {
    bench: 'search',
    n,
    keystrokeP95Ms: r2(ours.keystrokeP95),
    keystrokeP95CpuMs: r2(ours.keystrokeP95Cpu),
    queryP50Ms: r2(ours.p50),
    queryP95Ms: r2(ours.p95),
    recallExact: r2(ours.recallExact),
    recallTypo: r2(ours.recallTypo),
    indexMb: mb(ours.indexBytes),
    heapMb: mb(ours.heapBytes),
    loadMs: r2(ours.loadMs),
    warmMs: r2(ours.warmMs),
    buildMs: Math.round(ours.buildMs),
    fuseP50Ms: r2(fuse.p50),
    fuseRecallExact: r2(fuse.recallExact),
    longQuoteShare: r2(longShare),
    firstTypoMs: r2(ours.firstTypoMs),
    stemKeystrokeP95CpuMs: r2(ours.stemKeystrokeP95Cpu),
    ...(rivals ? { rivals: rivalsJson(rivals) } : {}),
  };
}
console.log(JSON.stringify(last));

function printRivals(n: number, rivals: Record<string, RivalFigures>) {
  console.log(`\n== N = ${n} · word queries only, each engine configured as its docs advise (bench/search-rivals.ts)`);
  console.table(
    Object.fromEntries(
      Object.entries(rivals).map(([name, f]) => [
        name,
        {
          'build ms': name === 'ours' ? '(above)' : Math.round(f.buildMs),
          'keystroke p95 ms': r2(f.keystrokeP95Ms),
          keystrokes: f.keystrokes,
          'recall@10 exact': r2(f.recallExact),
          'recall@10 typo': r2(f.recallTypo),
        },
      ]),
    ),
  );
}

function rivalsJson(rivals: Record<string, RivalFigures>) {
  return Object.fromEntries(
    Object.entries(rivals).map(([name, f]) => [
      name,
      { keystrokeP95Ms: r2(f.keystrokeP95Ms), recallExact: r2(f.recallExact), recallTypo: r2(f.recallTypo) },
    ]),
  );
}
