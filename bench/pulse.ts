/**
 * Pulse polls (issue 17): matching precision/recall and cluster purity on the labelled set
 * (lib/pulse/labelled-set), alone and hidden among filler notes made of the real-page corpus's sentences, and
 * the time to match one answer at 50k notes beside a naive scan of every note and a 30 ms budget.
 * Usage: npm run bench:pulse [-- notes=50000]. The last line is one JSON object; later parts of issue 17 add
 * their figures to `figures` below.
 */
import { performance } from 'node:perf_hooks';
import type { Note } from '../lib/model';
import { clusterTexts } from '../lib/pulse/cluster';
import { clusterScores, matchScores } from '../lib/pulse/evaluate';
import { matchAnswer, MATCH_MIN_SCORE } from '../lib/pulse/match';
import { SimilarityIndex } from '../lib/similarity';
import { requireCorpus } from '../lib/testing/corpus';
import { loadPulseSet } from '../lib/testing/pulse-set';
import { corpusSentences } from '../lib/testing/similarity/corpus-sentences';
import { makeBareNote as makeNote } from '../lib/testing/make-note';
import { seededRandom } from '../lib/testing/seeded-random';
import { tokenize } from '../lib/text/normalize';
import { reportBench } from './report';
import { routingBench } from './routing';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const N = Number(args.notes ?? 50_000);
const BUDGET_MS = 30;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r2 = (x: number) => Math.round(x * 100) / 100;

requireCorpus();
const set = loadPulseSet();
const rand = seededRandom(17);
// The set's own pages are left out of the filler: their other sentences would be real answers, not noise.
const setPages = new Set(set.pages);
const real = corpusSentences()
  .filter((p) => !setPages.has(p.page))
  .flatMap((p) => p.sentences);
const vocab = real.flatMap((s) => s.split(' '));
const synth = (min: number, max: number) =>
  Array.from({ length: min + Math.floor(rand() * (max - min)) }, () => vocab[Math.floor(rand() * vocab.length)]).join(
    ' ',
  );
const filler: Note[] = [];
for (let i = 0; filler.length + set.notes.length < N; i++) {
  const url = `https://site${i % 5000}.example/p/${i}`;
  filler.push(
    makeNote({
      quote: i < real.length ? real[i]! : synth(8, 40),
      takeaway: rand() < 0.5 ? synth(0, 20) : '',
      page: { url, canonicalUrl: url, title: 't' },
    }),
  );
}

function evaluate(index: SimilarityIndex) {
  const predicted = set.statements.map((s) => matchAnswer(index, s.text)?.id ?? null);
  const match = matchScores(set.statements, predicted);
  const unmatched = set.statements.filter((_, i) => predicted[i] === null);
  const clusters = clusterTexts(unmatched, (s) => s.text).map((c) => c.items.map((s) => s.topic));
  return { match, cluster: clusterScores(clusters) };
}

const alone = evaluate(SimilarityIndex.build(set.notes));
const big = SimilarityIndex.build([...set.notes, ...filler]);
const among = evaluate(big);

// Time to match one answer at N notes: every statement, three rounds; the naive baseline scores every note.
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const s of set.statements) {
    const t0 = performance.now();
    matchAnswer(big, s.text);
    times.push(performance.now() - t0);
  }
}
const allNotes = [...set.notes, ...filler];
const noteWords = allNotes.map((n) => new Set(tokenize(`${n.quote}\n${n.takeaway}`)));
const naive: number[] = [];
for (const s of set.statements.slice(0, 40)) {
  const t0 = performance.now();
  const q = new Set(tokenize(s.text));
  let best = -1;
  for (const words of noteWords) {
    let dot = 0;
    for (const w of q) if (words.has(w)) dot++;
    const cos = dot / Math.sqrt(q.size * words.size || 1);
    if (cos > best) best = cos;
  }
  naive.push(performance.now() - t0);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

const line = (name: string, e: ReturnType<typeof evaluate>) =>
  console.log(
    `${name}: match precision ${r3(e.match.precision)} recall ${r3(e.match.recall)} ` +
      `(${e.match.correct}/${e.match.matched} matched right, ${e.match.answerable} answerable); ` +
      `clusters ${e.cluster.clusters} for ${e.cluster.topics} topics, purity ${r3(e.cluster.purity)}, ` +
      `inverse purity ${r3(e.cluster.inversePurity)}`,
  );
console.log(
  `labelled set: ${set.statements.length} statements, ${set.notes.length} notes; threshold ${MATCH_MIN_SCORE}`,
);
line('set notes alone', alone);
line(`among ${allNotes.length} notes`, among);
console.log(
  `match one answer at ${allNotes.length} notes: median ${r2(pct(times, 0.5))} ms, p95 ${r2(pct(times, 0.95))} ms ` +
    `(budget ${BUDGET_MS} ms); naive scan median ${r2(pct(naive, 0.5))} ms`,
);

const figures: Record<string, number | string> = {
  bench: 'pulse',
  matchPrecision: r3(among.match.precision),
  matchRecall: r3(among.match.recall),
  clusterPurity: r3(among.cluster.purity),
  clusterInversePurity: r3(among.cluster.inversePurity),
  matchPrecisionSetOnly: r3(alone.match.precision),
  matchRecallSetOnly: r3(alone.match.recall),
  statements: set.statements.length,
  notes: allNotes.length,
  matchMedianMs: r2(pct(times, 0.5)),
  matchP95Ms: r2(pct(times, 0.95)),
  naiveMedianMs: r2(pct(naive, 0.5)),
  budgetMs: BUDGET_MS,
};
// Who-knows-what, on the pseudonymised real threads (bench/routing.ts): our routing beside its baselines.
const routing = routingBench();
console.log(
  `routing over ${routing.testQuestions} later questions, ${routing.members} members: recall@3 ` +
    `${r3(routing.routingRecall3)} (most active ${r3(routing.routingRecall3MostActive)}, random ` +
    `${r3(routing.routingRecall3Random)}, top expert ${r3(routing.routingRecall3TopExpert)}); load Gini ` +
    `${r3(routing.loadGini)} (top expert ${r3(routing.loadGiniTopExpert)})`,
);
Object.assign(figures, {
  routingRecall3: r3(routing.routingRecall3),
  routingRecall3MostActive: r3(routing.routingRecall3MostActive),
  routingRecall3Random: r3(routing.routingRecall3Random),
  loadGini: r3(routing.loadGini),
  loadGiniTopExpert: r3(routing.loadGiniTopExpert),
});
// The quarterly impact report (bench/report.ts): 50k notes and 1,000 members beside one plain pass over them.
const report = reportBench();
console.log(
  `impact report at ${report.notes} notes, ${report.members} members: ${report.reportMs} ms ` +
    `(floor, one pass over the same arrays: ${report.floorMs} ms; median of ${report.runs})`,
);
Object.assign(figures, { reportMs: report.reportMs, reportFloorMs: report.floorMs });
console.log(JSON.stringify(figures));
