/**
 * Similarity at capture time: findSimilar on the prebuilt index vs a naive scan of every note's token set,
 * on the same notes and drafts. Notes are the real corpus sentences plus synthetic ones drawn from the
 * corpus's own word frequencies. Usage: npm run bench:similarity [-- notes=100000 queries=200]
 */
import { serialize, deserialize } from 'node:v8';
import { findSimilar, rankSimilar } from '../lib/similarity/find-similar';
import { SimilarityIndex, type SavedSimilarityIndex } from '../lib/similarity/similarity-index';
import { corpusSentences } from '../lib/testing/similarity/corpus-sentences';
import { requireCorpus } from '../lib/testing/corpus';
import { makeBareNote } from '../lib/testing/make-note';
import { perturb } from '../lib/testing/similarity/seeded';
import { seededRandom } from '../lib/testing/seeded-random';
import { tokenize } from '../lib/text/normalize';
import type { Note } from '../lib/model';
import { PART_BYTES } from '../lib/db/saved-similarity';
import { joinRows, rowJoiner, splitRows } from '../lib/similarity/split-rows';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const N = Number(args.notes ?? 100_000);
const Q = Number(args.queries ?? 200);
const rand = seededRandom(42);

requireCorpus();
const real = corpusSentences().flatMap((p) => p.sentences);
const vocab = real.flatMap((s) => s.split(' '));
const synth = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(rand() * (max - min)) }, () => vocab[Math.floor(rand() * vocab.length)]).join(
    ' ',
  );

const notes: Note[] = [];
for (let i = 0; i < N; i++) {
  const quote = i < real.length ? real[i]! : synth(8, 40);
  const url = `https://site${i % 5000}.example/p/${i}`;
  notes.push(
    makeBareNote({ quote, takeaway: rand() < 0.5 ? synth(0, 20) : '', page: { url, canonicalUrl: url, title: 't' } }),
  );
}
const drafts = Array.from({ length: Q }, (_, i) => ({
  quote: i % 2 ? perturb(real[Math.floor(rand() * real.length)]!, rand) : synth(8, 30),
  pageKey: notes[Math.floor(rand() * N)]!.pageKey,
}));

/** Wall and CPU time (ms) of one call: CPU is less disturbed than wall when other jobs share the cores. */
function measure(fn: () => unknown): { wall: number; cpu: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / 1000 };
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const t0 = performance.now();
const c0 = process.cpuUsage();
const index = SimilarityIndex.build(notes);
const buildMs = performance.now() - t0;
const buildCpu = process.cpuUsage(c0);
const buildCpuMs = (buildCpu.user + buildCpu.system) / 1000;

// What a service worker start does instead of a build: IndexedDB hands back the saved row, decoded by V8's
// deserializer (Chromium stores values V8-serialized), then load() turns it into an index and the first draft
// is ranked. The floor: the same number of bytes read back as one raw buffer, nothing decoded into objects.
let savedBytes!: Buffer;
// What the service worker spends 5 s after the last write: the whole index packed and handed to IndexedDB.
const saveCost = measure(() => (savedBytes = serialize(index.save())));
const floorBytes = serialize(new Uint8Array(savedBytes.length));
const LOADS = 5;
const decodeCpu: number[] = [];
const decodeWall: number[] = [];
const loadCpuRuns: number[] = [];
const loadWall: number[] = [];
const firstQueryWall: number[] = [];
const floorCpu: number[] = [];
const floorWall: number[] = [];
let loaded!: SimilarityIndex;
for (let i = 0; i < LOADS; i++) {
  const f = measure(() => deserialize(floorBytes));
  floorCpu.push(f.cpu);
  floorWall.push(f.wall);
  let row: unknown;
  const d = measure(() => (row = deserialize(savedBytes)));
  decodeCpu.push(d.cpu);
  decodeWall.push(d.wall);
  const l = measure(() => (loaded = SimilarityIndex.load(row as SavedSimilarityIndex)));
  loadCpuRuns.push(l.cpu);
  loadWall.push(l.wall);
  firstQueryWall.push(measure(() => rankSimilar(loaded, drafts[i]!)).wall);
}
if (loaded.size !== index.size) throw new Error('loaded index differs from the built one');

// The base as it is saved now: parts of at most PART_BYTES, each read in its own transaction with a pause between.
// The longest part (decoded, then copied into place by rowJoiner) is the longest a Save clicked meanwhile waits
// on the worker's thread for the read; load() then runs once, after the last part.
const { shape, parts } = splitRows(deserialize(savedBytes), PART_BYTES);
const partBytes = parts.map((p) => serialize(p));
const joiner = rowJoiner(shape);
const partSteps = partBytes.map((b) => measure(() => joiner.add(deserialize(b))));
joiner.done();
if (SimilarityIndex.load(joinRows(shape, parts) as SavedSimilarityIndex).size !== index.size) {
  throw new Error('parts joined differ from the built index');
}

// What the service worker saves 5 s after a harvest now: the notes changed since the base (the delta), beside
// the whole index it saved before (which it still saves, in slices, once the delta passes 2,000 notes).
// Floor: V8 serializing raw bytes of the same length, nothing packed.
index.startWholeSave();
const harvested = makeBareNote({ quote: synth(8, 40), takeaway: synth(0, 20) });
index.upsert(harvested);
let deltaBytes!: Buffer;
const deltaCosts = Array.from({ length: LOADS }, () => measure(() => (deltaBytes = serialize(index.saveDelta()))));
const deltaFloor = Array.from({ length: LOADS }, () => measure(() => serialize(new Uint8Array(deltaBytes.length))));
const wholeFloor = measure(() => serialize(new Uint8Array(savedBytes.length)));
const grown = Array.from({ length: 2000 }, () => makeBareNote({ quote: synth(8, 40), takeaway: synth(0, 20) }));
for (const n of grown) index.upsert(n);
const deltaAtMerge = measure(() => serialize(index.saveDelta()));
const check = SimilarityIndex.load(deserialize(savedBytes) as SavedSimilarityIndex, index.saveDelta());
if (check.size !== index.size) throw new Error('base + delta differs from the index');
const med = (xs: number[]) => pct(xs, 0.5);
const readCpuMs = med(decodeCpu.map((c, i) => c + loadCpuRuns[i]!));
const readWallMs = med(decodeWall.map((c, i) => c + loadWall[i]!));

// Baseline: tokens precomputed (a fair naive scan), cosine over token sets against every note.
const sets = notes.map((n) => new Set(tokenize(`${n.quote}\n${n.takeaway}`)));
function naive(quote: string, pk: string) {
  const q = new Set(tokenize(quote));
  const scored: { i: number; s: number }[] = [];
  for (let i = 0; i < sets.length; i++) {
    let dot = 0;
    for (const w of q) if (sets[i]!.has(w)) dot++;
    const s = dot / Math.sqrt(q.size * sets[i]!.size || 1) + (notes[i]!.pageKey === pk ? 0.3 : 0);
    if (s >= 0.6) scored.push({ i, s });
  }
  return scored.sort((a, b) => b.s - a.s).slice(0, 3);
}

const time = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
/** CPU time of this process (ms): less disturbed than wall time when other jobs share the cores. */
const cpu = (fn: () => unknown) => {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const ours: number[] = [];
const oursCpu: number[] = [];
const base: number[] = [];
const oursReharvest: number[] = [];
const oursNew: number[] = [];
for (const d of drafts.slice(0, 10)) findSimilar(index, d); // warm-up
drafts.forEach((d, i) => {
  const ms = time(() => findSimilar(index, d));
  ours.push(ms);
  (i % 2 ? oursReharvest : oursNew).push(ms);
  oursCpu.push(cpu(() => findSimilar(index, d)));
  base.push(time(() => naive(d.quote, d.pageKey)));
});
const r = (x: number) => Math.round(x * 100) / 100;
console.log(`notes ${N}, drafts ${Q}, index build ${r(buildMs)} ms (CPU ${r(buildCpuMs)} ms)`);
console.log(
  `saved index, ${(savedBytes.length / 1e6).toFixed(1)} MB as IndexedDB stores it; median of ${LOADS} loads:`,
);
console.log(`  step                          CPU ms    wall ms`);
const row = (name: string, c: number, w: number) =>
  console.log(`  ${name.padEnd(28)}${String(r(c)).padStart(8)}${String(r(w)).padStart(11)}`);
row('decode (IndexedDB read)', med(decodeCpu), med(decodeWall));
row('load()', med(loadCpuRuns), med(loadWall));
row('read = decode + load', readCpuMs, readWallMs);
row('floor: same bytes, raw', med(floorCpu), med(floorWall));
row(
  `read a part, longest of ${parts.length}`,
  Math.max(...partSteps.map((c) => c.cpu)),
  Math.max(...partSteps.map((c) => c.wall)),
);
row(
  'read all parts',
  partSteps.reduce((n, c) => n + c.cpu, 0),
  partSteps.reduce((n, c) => n + c.wall, 0),
);
row('save whole (pack + serialize)', saveCost.cpu, saveCost.wall);
row('  floor: same bytes, raw', wholeFloor.cpu, wholeFloor.wall);
row('save delta, 1 harvest', med(deltaCosts.map((c) => c.cpu)), med(deltaCosts.map((c) => c.wall)));
row('  floor: same bytes, raw', med(deltaFloor.map((c) => c.cpu)), med(deltaFloor.map((c) => c.wall)));
row('save delta, 2,001 notes', deltaAtMerge.cpu, deltaAtMerge.wall);
console.log(`  delta after one harvest: ${deltaBytes.length} bytes`);
console.log(`  first draft ranked after load: median ${r(med(firstQueryWall))} ms wall`);
console.log(
  `findSimilar (index) median ${r(pct(ours, 0.5))} ms, p95 ${r(pct(ours, 0.95))} ms, max ${r(Math.max(...ours))} ms`,
);
console.log(
  `  re-harvests median ${r(pct(oursReharvest, 0.5))} ms, new text median ${r(pct(oursNew, 0.5))} ms;` +
    ` CPU time median ${r(pct(oursCpu, 0.5))} ms, p95 ${r(pct(oursCpu, 0.95))} ms`,
);
console.log(`naive scan (tokens prebuilt) median ${r(pct(base, 0.5))} ms, p95 ${r(pct(base, 0.95))} ms`);
console.log(
  JSON.stringify({
    bench: 'similarity',
    notes: N,
    queries: Q,
    buildMs: r(buildMs),
    buildCpuMs: r(buildCpuMs),
    savedMb: r(savedBytes.length / 1e6),
    decodeCpuMs: r(med(decodeCpu)),
    parts: parts.length,
    longestPartCpuMs: r(Math.max(...partSteps.map((c) => c.cpu))),
    allPartsCpuMs: r(partSteps.reduce((n, c) => n + c.cpu, 0)),
    loadCpuMs: r(med(loadCpuRuns)),
    readCpuMs: r(readCpuMs),
    readWallMs: r(readWallMs),
    floorCpuMs: r(med(floorCpu)),
    floorWallMs: r(med(floorWall)),
    saveCpuMs: r(saveCost.cpu),
    saveWallMs: r(saveCost.wall),
    saveFloorCpuMs: r(wholeFloor.cpu),
    deltaSaveCpuMs: r(med(deltaCosts.map((c) => c.cpu))),
    deltaSaveWallMs: r(med(deltaCosts.map((c) => c.wall))),
    deltaFloorCpuMs: r(med(deltaFloor.map((c) => c.cpu))),
    deltaAtMergeCpuMs: r(deltaAtMerge.cpu),
    deltaBytes: deltaBytes.length,
    firstQueryAfterLoadMs: r(med(firstQueryWall)),
    medianMs: r(pct(ours, 0.5)),
    p95Ms: r(pct(ours, 0.95)),
    cpuMedianMs: r(pct(oursCpu, 0.5)),
    cpuP95Ms: r(pct(oursCpu, 0.95)),
    naiveMedianMs: r(pct(base, 0.5)),
    naiveP95Ms: r(pct(base, 0.95)),
    budgetMs: 30,
  }),
);
