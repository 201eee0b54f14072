/**
 * Relay and escalation (issue 16). Part 1, a simulated community: 200 questions harvested over 30 days, each
 * with a seeded "natural" answer delay (log-normal, median 36 h; a quarter never answered by chance). With
 * the ladder and relay ON, the real state machine (lib/questions) runs hour by hour: each rung it reaches
 * gives its audience a seeded chance to answer (helpers 50 %, mean 4 h; facilitator 70 %, mean 10 h; the
 * huddle answers at the next weekly huddle), and the answer is relayed to the thread within the hour. OFF:
 * only natural answers, and the answerer goes back to the thread by hand 30 % of the time, a day later.
 * Reports the median hours from harvest to the first relayed answer (never = past the 60-day horizon).
 * Part 2: time to compute the question lists (questionStates + questionBoard) at 50k notes with each question's
 * helpers kept (lib/questions/helpers-cache, loaded as IndexedDB hands it back), beside a floor (the same lists
 * with no escalation, so no helpers to find), the first opening after a question changed (all recomputed), and
 * the lists without the cache (every escalated question routed by lib/expertise on every opening). The model's
 * parameters are assumptions, stated here, not measurements.
 * Usage: npm run bench:relay [-- questions=200 notes=50000]
 */
import { performance } from 'node:perf_hooks';
import type { Note } from '../lib/model';
import { DEFAULT_LADDER, HelpersCache, questionBoard, questionStates, type QuestionEvent } from '../lib/questions';
import { seededRandom } from '../lib/testing/seeded-random';
import { answer, CM, question, relayed, T0 } from '../lib/testing/questions';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const QUESTIONS = Number(args.questions ?? 200);
const NOTES = Number(args.notes ?? 50_000);
const H = 3_600_000;
const HORIZON_H = 60 * 24;
const MEMBERS = Array.from({ length: 30 }, (_, i) => `m${i}`);
const TOPICS = ['deploy', 'cache', 'kafka', 'oncall', 'budget', 'review', 'postgres', 'terraform', 'latency', 'auth'];

const rand = seededRandom(16);
const exp = (mean: number) => -Math.log(1 - rand()) * mean;
const logNormal = (median: number, sigma: number) => {
  const u = Math.max(rand(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
};

interface Q {
  note: Note;
  naturalH: number;
  naturalBy: string;
  manualRelay: boolean;
  manualRelayH: number;
  roll: Record<'helpers' | 'facilitator', { yes: boolean; afterH: number }>;
  huddleRoll: number;
}
const qs: Q[] = [];
for (let i = 0; i < QUESTIONS; i++) {
  const asker = MEMBERS[Math.floor(rand() * MEMBERS.length)]!;
  const topic = TOPICS[i % TOPICS.length]!;
  const at = T0 + Math.floor(rand() * 30 * 24) * H;
  const note = question(asker, {
    quote: `How should we handle ${topic} when the ${topic} setup changes ${i % 7 ? 'again' : 'for the first time'}?`,
    createdAt: at,
    updatedAt: at,
  });
  qs.push({
    note,
    naturalH: rand() < 0.25 ? Infinity : logNormal(36, 1.2),
    naturalBy: MEMBERS[Math.floor(rand() * MEMBERS.length)]!,
    manualRelay: rand() < 0.3,
    manualRelayH: 24,
    roll: {
      helpers: { yes: rand() < 0.5, afterH: exp(4) },
      facilitator: { yes: rand() < 0.7, afterH: exp(10) },
    },
    huddleRoll: rand(),
  });
}

/** Median of hours, with never (Infinity) counted as later than everything. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function off(): number[] {
  return qs.map((q) => (q.manualRelay ? q.naturalH + q.manualRelayH : Infinity));
}
const answeredOff = () => qs.map((q) => q.naturalH);
let answeredOn: number[] = [];

function on(): number[] {
  const answers = new Map<string, { at: number; by: string }>();
  const schedule = new Map<string, { at: number; by: string }>(); // question id -> earliest planned answer
  for (const q of qs)
    if (q.naturalH < Infinity) schedule.set(q.note.id, { at: q.note.createdAt + q.naturalH * H, by: q.naturalBy });
  const seen = new Set<string>();
  const start = Math.min(...qs.map((q) => q.note.createdAt));
  const notes: Note[] = qs.map((q) => q.note);
  const events: QuestionEvent[] = [];
  for (let t = start; t <= start + (30 * 24 + HORIZON_H) * H; t += H) {
    for (const q of qs) {
      const plan = schedule.get(q.note.id);
      if (plan && plan.at <= t && !answers.has(q.note.id)) {
        answers.set(q.note.id, plan);
        const a = answer(q.note, plan.by, plan.at);
        notes.push(a);
        events.push(relayed({ questionId: q.note.id, answerId: a.id, by: plan.by, at: plan.at + 0.5 * H }));
      }
    }
    const r = questionStates({ notes, events, now: t, facilitators: { [CM]: ['m0'] } });
    for (const e of r.due) {
      const key = `${e.questionId}:${e.rung}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const q = qs.find((x) => x.note.id === e.questionId)!;
      let plan: { at: number; by: string } | undefined;
      if (e.rung === 'huddle') {
        const nextHuddle = Math.ceil((e.at - T0) / (7 * 24 * H)) * 7 * 24 * H + T0;
        plan = { at: nextHuddle + q.huddleRoll * H, by: 'm0' };
      } else if (e.audience.length && q.roll[e.rung].yes) {
        plan = { at: e.at + q.roll[e.rung].afterH * H, by: e.audience[0]! };
      }
      const current = schedule.get(e.questionId);
      if (plan && (!current || plan.at < current.at)) schedule.set(e.questionId, plan);
    }
  }
  answeredOn = qs.map((q) => {
    const a = answers.get(q.note.id);
    return a ? (a.at - q.note.createdAt) / H : Infinity;
  });
  return answeredOn.map((h) => h + 0.5);
}

function composeNotes(n: number): Note[] {
  const out: Note[] = [];
  const r = seededRandom(7);
  const questions: Note[] = [];
  for (let i = 0; i < n; i++) {
    const at = T0 + Math.floor(r() * 90 * 24) * H;
    const by = MEMBERS[Math.floor(r() * MEMBERS.length)]!;
    const topic = TOPICS[Math.floor(r() * TOPICS.length)]!;
    const kind = r();
    if (kind < 0.1 || questions.length === 0) {
      const q = question(by, { quote: `What about ${topic} number ${i % 97}?`, createdAt: at, updatedAt: at });
      questions.push(q);
      out.push(q);
    } else if (kind < 0.18) {
      out.push(answer(questions[Math.floor(r() * questions.length)]!, by, at));
    } else {
      out.push(question(by, { kind: 'insight', quote: `A note on ${topic} ${i}`, createdAt: at, updatedAt: at }));
    }
  }
  return out;
}

const offH = off();
const onH = on();
const fmtH = (h: number) => (h === Infinity ? null : Math.round(h * 10) / 10);
const within = (xs: number[], h: number) => xs.filter((x) => x <= h).length;
console.log(`community: ${QUESTIONS} questions, 30 members, horizon ${HORIZON_H / 24} days`);
console.log(
  `relay+escalation ON : median ${fmtH(median(onH))} h to first relayed answer; relayed within 48 h: ${within(onH, 48)}; never: ${onH.filter((x) => x === Infinity).length}`,
);
console.log(
  `first answer (relayed or not): ON median ${fmtH(median(answeredOn))} h, OFF median ${fmtH(median(answeredOff()))} h`,
);
console.log(
  `relay+escalation OFF: median ${fmtH(median(offH))} h; relayed within 48 h: ${within(offH, 48)}; never: ${offH.filter((x) => x === Infinity).length}`,
);

const big = composeNotes(NOTES);
const byId = new Map(big.map((n) => [n.id, n]));
const now = T0 + 91 * 24 * H;
const facilitators = { [CM]: ['m0'] };
/** One opening of the question lists: the states and this member's board, as the new tab computes them. */
const lists = (over: Partial<Parameters<typeof questionStates>[0]> = {}) =>
  questionBoard(questionStates({ notes: big, events: [], now, facilitators, ...over }), byId, ['m3'], new Set());
// The saved cache as IndexedDB would hand it back (structured clone), after one computation filled it.
const filled = new HelpersCache();
lists({ helpersCache: filled });
const saved = filled.toSaved();
const ladderOff = { [CM]: { ...DEFAULT_LADDER, isEnabled: false } };
const ours: number[] = [];
const miss: number[] = [];
const noCache: number[] = [];
const floor: number[] = [];
const time = (into: number[], fn: () => unknown) => {
  const t = performance.now();
  fn();
  into.push(performance.now() - t);
};
let hits = 0;
for (let i = 0; i < 5; i++) {
  // Ours: a new tab opens with the helpers kept (background upkeep or the previous opening saved them).
  time(ours, () => {
    const cache = new HelpersCache(structuredClone(saved));
    lists({ helpersCache: cache });
    hits = cache.stats.hits;
  });
  // The first opening after a question was added or edited anywhere: every entry is recomputed.
  time(miss, () => lists({ helpersCache: new HelpersCache() }));
  // Without the cache: every escalated question routed on every opening.
  time(noCache, () => lists());
  // Floor: the state machine and board alone, with no escalation (so no helpers to find at all).
  time(floor, () => lists({ ladders: ladderOff }));
}
const ms = (xs: number[]) => Math.round(median(xs) * 10) / 10;
console.log(
  `question lists at ${NOTES} notes (${Object.keys(saved.entries).length} escalated questions, ${hits} helpers kept):\n` +
    `  ours, helpers kept: median ${ms(ours)} ms  |  floor (no escalation at all): ${ms(floor)} ms\n` +
    `  first opening after a question changed (all recomputed): ${ms(miss)} ms\n` +
    `  without the cache (every question routed): ${ms(noCache)} ms`,
);
console.log(
  JSON.stringify({
    bench: 'relay',
    questions: QUESTIONS,
    medianHoursOn: fmtH(median(onH)),
    medianHoursOff: fmtH(median(offH)),
    medianHoursToAnswerOn: fmtH(median(answeredOn)),
    medianHoursToAnswerOff: fmtH(median(answeredOff())),
    relayedWithin48hOn: within(onH, 48),
    relayedWithin48hOff: within(offH, 48),
    notes: NOTES,
    composeMs50k: ms(ours),
    questionListsFloorMs50k: ms(floor),
    questionListsCacheMissMs50k: ms(miss),
    questionListsNoCacheMs50k: ms(noCache),
  }),
);
