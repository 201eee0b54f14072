/**
 * Routing evaluated on real public threads (issue 17): the pseudonymised who-answered-what of a Stack Exchange
 * site (tests/fixtures/routing, source in its README). Profiles are built from the first 70% of the questions in
 * time order (their answers as evidence: `answered`, the accepted one `confirmed`); for each later
 * question that someone other than the asker answered, routing suggests three members and a hit is one of them
 * answering it (recall@3). Baselines: the three most active answerers of the first 70% (never the asker), and
 * three members drawn at random from those who answered then (mean of 200 seeded draws). Load: every suggestion
 * is an ask; routing sees the asks of the last 14 days (`recentAskCounts`). Gini of the asks over the members who
 * answered in the first 70%, beside "always ask the top expert" (the three best fits, no load balancing, no
 * rising slot). Usage: npm run bench:routing [-- file=tests/fixtures/routing/datascience-meta.json]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProfiles, recentAskCounts, routeQuestion, type Evidence } from '../lib/expertise';
import { seededRandom } from '../lib/testing/seeded-random';

export interface RoutingDataset {
  questions: { id: string; at: number; asker: string; tags: string[]; words: string[]; accepted?: string }[];
  answers: { id: string; question: string; at: number; by: string }[];
}

export interface RoutingResult {
  routingRecall3: number;
  routingRecall3MostActive: number;
  routingRecall3Random: number;
  routingRecall3TopExpert: number;
  loadGini: number;
  loadGiniTopExpert: number;
  testQuestions: number;
  members: number;
}

export const DEFAULT_DATASET = fileURLToPath(
  new URL('../tests/fixtures/routing/datascience-meta.json', import.meta.url),
);

/** Gini coefficient of non-negative counts: 0 when everyone carries the same, towards 1 when one carries all. */
export function gini(counts: readonly number[]): number {
  const xs = [...counts].sort((a, b) => a - b);
  const sum = xs.reduce((s, x) => s + x, 0);
  if (xs.length === 0 || sum === 0) return 0;
  const weighted = xs.reduce((s, x, i) => s + (i + 1) * x, 0);
  return (2 * weighted) / (xs.length * sum) - (xs.length + 1) / xs.length;
}

export function routingBench(data: RoutingDataset = JSON.parse(readFileSync(DEFAULT_DATASET, 'utf8'))): RoutingResult {
  const qs = [...data.questions].sort((a, b) => a.at - b.at);
  // The first 70% of the questions in time order (the site's early years are busier than its late ones).
  const cut = qs[Math.floor(0.7 * qs.length) - 1]!.at;
  const byId = new Map(qs.map((q) => [q.id, q]));
  const topicsOf = (q: RoutingDataset['questions'][number]) => [...q.tags, ...q.words];

  const evidence: Evidence[] = [];
  const answerCount = new Map<string, number>();
  for (const a of data.answers) {
    const q = byId.get(a.question);
    if (!q || q.at > cut || a.at > cut || a.by === q.asker) continue;
    evidence.push({
      memberId: a.by,
      kind: q.accepted === a.id ? 'confirmed' : 'answered',
      noteId: a.id,
      at: a.at,
      where: '',
      topics: topicsOf(q),
      isPrivate: false,
    });
    answerCount.set(a.by, (answerCount.get(a.by) ?? 0) + 1);
  }
  const profiles = buildProfiles(evidence, { now: cut, viewerId: null });
  const members = [...answerCount.keys()].sort();
  const mostActive = [...members].sort((a, b) => answerCount.get(b)! - answerCount.get(a)! || (a < b ? -1 : 1));

  const answerers = new Map<string, Set<string>>();
  for (const a of data.answers) {
    const q = byId.get(a.question);
    if (q && a.by !== q.asker) (answerers.get(q.id) ?? answerers.set(q.id, new Set()).get(q.id)!).add(a.by);
  }
  const test = qs.filter((q) => q.at > cut && answerers.has(q.id));

  const asks: { memberId: string; at: number }[] = [];
  const load = new Map<string, number>();
  const loadTop = new Map<string, number>();
  let hit = 0;
  let hitActive = 0;
  let hitTop = 0;
  let hitRandom = 0;
  const rand = seededRandom(17);
  const DRAWS = 200;
  for (const q of test) {
    const truth = answerers.get(q.id)!;
    const topics = topicsOf(q);
    const routed = routeQuestion({
      topics,
      askerId: q.asker,
      profiles,
      optedOut: new Set(),
      recentAsks: recentAskCounts(asks, q.at),
    });
    for (const s of routed) {
      asks.push({ memberId: s.memberId, at: q.at });
      load.set(s.memberId, (load.get(s.memberId) ?? 0) + 1);
    }
    if (routed.some((s) => truth.has(s.memberId))) hit++;

    const pureFit = topByFit(q.asker, topics, profiles);
    for (const m of pureFit) loadTop.set(m, (loadTop.get(m) ?? 0) + 1);
    if (pureFit.some((m) => truth.has(m))) hitTop++;

    if (
      mostActive
        .filter((m) => m !== q.asker)
        .slice(0, 3)
        .some((m) => truth.has(m))
    )
      hitActive++;
    const pool = members.filter((m) => m !== q.asker);
    let got = 0;
    for (let d = 0; d < DRAWS; d++) {
      const pick = new Set<string>();
      while (pick.size < Math.min(3, pool.length)) pick.add(pool[Math.floor(rand() * pool.length)]!);
      if ([...pick].some((m) => truth.has(m))) got++;
    }
    hitRandom += got / DRAWS;
  }
  const n = test.length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    routingRecall3: round(hit / n),
    routingRecall3MostActive: round(hitActive / n),
    routingRecall3Random: round(hitRandom / n),
    routingRecall3TopExpert: round(hitTop / n),
    loadGini: round(gini(members.map((m) => load.get(m) ?? 0))),
    loadGiniTopExpert: round(gini(members.map((m) => loadTop.get(m) ?? 0))),
    testQuestions: n,
    members: members.length,
  };
}

/** The three best fits with no load balancing and no rising slot: "always ask the top expert". */
function topByFit(asker: string, topics: string[], profiles: ReturnType<typeof buildProfiles>): string[] {
  const out: string[] = [];
  const left = new Set<string>([asker]);
  for (let i = 0; i < 3; i++) {
    const rest = new Map([...profiles].filter(([id]) => !left.has(id)));
    const [best] = routeQuestion({ topics, profiles: rest, optedOut: left, limit: 2 });
    if (!best) break;
    out.push(best.memberId);
    left.add(best.memberId);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
  const result = routingBench(args.file ? JSON.parse(readFileSync(args.file, 'utf8')) : undefined);
  console.log(JSON.stringify({ bench: 'routing', ...result }));
}
