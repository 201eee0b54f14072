/**
 * `npx tsx bench/popup-frames.ts profile=<dir> [runs=4]`: where the time goes between the popup's result list
 * (its `commonplace:results` mark, right after React's commit) and the next frame, once React is up. Runs on a
 * profile bench:popup seeded and kept (`<dir>/ours` with the build at WXT_OUT_DIR; `label=before` for the
 * baseline's). Each run types a query with a Chromium trace running (devtools.timeline and user-timing
 * categories) and reports, per list shown:
 * - from the page itself: the mark → the next animation frame callback → the task after it (frame drawn), and
 *   whether the commit changed the DOM at all (a commit that changes nothing asks for no frame);
 * - from the trace: the main thread's work in that window by event (script, style, layout, paint, GC) and the
 *   time it was idle.
 * A diagnostic for the bench's `frame` figure, not a benchmark: it prints what it saw.
 */
import { argOf, openKeptProfile, openPopupReactUp, traced, type TraceEvent } from './chromium-trace';

const RUNS = Number(argOf('runs') ?? 4);
const QUERIES = ['react hooks', 'deploy rollback', 'postgres index', 'onboarding buddy'];

/** In the page: per `commonplace:results` mark, when the next frame came and how many DOM changes preceded it. */
const FRAME_PROBE = `(() => {
  const lists = [];
  window.__lists = lists;
  let changes = 0;
  new MutationObserver((records) => (changes += records.length)).observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true,
  });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'commonplace:results') {
      const list = { query: String(options && options.detail), at: entry.startTime, changes: -1, raf: NaN, drawn: NaN };
      lists.push(list);
      // MutationObserver records arrive at the next microtask checkpoint: read them after it.
      queueMicrotask(() => queueMicrotask(() => { list.changes = changes; changes = 0; }));
      requestAnimationFrame(() => {
        list.raf = performance.now() - list.at;
        setTimeout(() => (list.drawn = performance.now() - list.at));
      });
    }
    return entry;
  };
})()`;

/** What the typing trace records: the timeline with its frames, user timing, script, tasks and compositing. */
const FRAME_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'toplevel',
  'blink',
  'cc',
  'gpu',
  'viz',
];

/** What a piece of the main thread's work was, in words: the trace's kinds of work that say where time goes. */
const KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  FireAnimationFrame: 'rAF callbacks',
  FireIdleCallback: 'idle callback',
  TimerFire: 'timer',
  EventDispatch: 'input event',
  'MessagePort::Accept': 'message (port)',
  RunMicrotasks: 'microtasks',
  FunctionCall: 'script',
};

/**
 * The main thread's work in [from, to] (µs, trace clock): busy and idle time, and the busy time by kind of
 * work (each moment counted once, for the innermost kind above that covers it: layout inside a forced layout
 * inside an event counts as layout).
 */
function workIn(events: TraceEvent[], from: number, to: number) {
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts < to && e.ts + e.dur! > from);
  const busy = tasks.reduce((s, t) => s + Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts), 0);
  const spans = events
    .filter((e) => e.ph === 'X' && KINDS[e.name] && e.ts < to && e.ts + (e.dur ?? 0) > from)
    .map((e) => ({ kind: KINDS[e.name]!, s: Math.max(from, e.ts), e: Math.min(to, e.ts + e.dur!) }));
  // 0.1 ms steps: the innermost (shortest) span covering each step names it.
  const by = new Map<string, number>();
  for (const t of tasks)
    for (let x = Math.max(from, t.ts); x < Math.min(to, t.ts + t.dur!); x += 100) {
      const inner = spans.filter((sp) => sp.s <= x && x < sp.e).sort((a, b) => a.e - a.s - (b.e - b.s))[0];
      const kind = inner?.kind ?? 'other';
      by.set(kind, (by.get(kind) ?? 0) + 0.1);
    }
  return { busyMs: busy / 1000, idleMs: (to - from - busy) / 1000, by: [...by].sort((a, b) => b[1] - a[1]) };
}

async function main() {
  const { ctx, id } = await openKeptProfile();
  const changed: Seen[] = [];
  const unchanged: Seen[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await ctx.newPage();
    await page.addInitScript(FRAME_PROBE);
    await openPopupReactUp(page, id);
    const cdp = await ctx.newCDPSession(page);
    const query = QUERIES[run % QUERIES.length]!;
    const { events } = await traced(cdp, FRAME_CATEGORIES, async () => {
      await page.evaluate(() => performance.mark('commonplace:typing'));
      await page.keyboard.type(query, { delay: 60 });
      await page.waitForTimeout(400);
    });
    const lists = (await page.evaluate('window.__lists')) as {
      query: string;
      at: number;
      changes: number;
      raf: number;
      drawn: number;
    }[];
    // The popup page's main thread: the renderer thread that recorded our marks.
    const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name === 'commonplace:results');
    const main = marks[0] && { pid: marks[0].pid, tid: marks[0].tid };
    const mine = main ? events.filter((e) => e.pid === main.pid && e.tid === main.tid) : [];
    const typing = events.find((e) => e.name === 'commonplace:typing');
    const shownMarks = marks.filter((m) => m.pid === main?.pid && (!typing || m.ts >= typing.ts));
    const frames = mine.filter((e) => e.name === 'Paint' || e.name === 'PrePaint' || e.name === 'Commit');
    console.log(`\nrun ${run + 1} "${query}": ${shownMarks.length} lists shown`);
    const shown = lists.slice(-shownMarks.length);
    const say = (w: ReturnType<typeof workIn>) =>
      `busy ${w.busyMs.toFixed(1)} (${w.by.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}), idle ${w.idleMs.toFixed(1)}`;
    shownMarks.forEach((m, i) => {
      const p = shown[i];
      if (!p) return;
      const whole = workIn(mine, m.ts, m.ts + p.drawn * 1000);
      (p.changes >= CARDS_CHANGED ? changed : unchanged).push({ raf: p.raf, drawn: p.drawn, whole });
      const next = frames.find((f) => f.ts >= m.ts);
      const painted = next ? next.ts + (next.dur ?? 0) : m.ts;
      const drawn = m.ts + p.drawn * 1000;
      console.log(
        `  "${p.query}": DOM changes ${p.changes}; mark → rAF ${p.raf.toFixed(1)} → task after the frame ${p.drawn.toFixed(1)} ms\n` +
          `      mark → next paint ${((painted - m.ts) / 1000).toFixed(1)}: ${say(workIn(mine, m.ts, painted))}\n` +
          `      next paint → task after the frame ${((drawn - painted) / 1000).toFixed(1)}: ${say(workIn(mine, painted, drawn))}`,
      );
    });
    await cdp.detach();
    await page.close();
  }
  await ctx.close();
  summarise('lists whose cards changed', changed);
  summarise('lists equal to the one shown (marks only, or nothing)', unchanged);
}

/** A list shown: mark → animation frame, mark → the task after that frame, and the work in between. */
interface Seen {
  raf: number;
  drawn: number;
  whole: ReturnType<typeof workIn>;
}
/** DOM changes at or above this: new cards were put in (a card is 3-6 changes; marks alone are 3-11). */
const CARDS_CHANGED = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

function summarise(label: string, seen: Seen[]) {
  const kinds = [...new Set(seen.flatMap((x) => x.whole.by.map(([k]) => k)))];
  const of = (x: Seen, k: string) => x.whole.by.find(([n]) => n === k)?.[1] ?? 0;
  const stat = (xs: number[]) => `${median(xs).toFixed(1)}/${p95(xs).toFixed(1)}`;
  console.log(
    `\n${label} (${seen.length}), ms p50/p95: mark → rAF ${stat(seen.map((x) => x.raf))}, mark → task after the frame ` +
      `${stat(seen.map((x) => x.drawn))}; in that window: busy ${stat(seen.map((x) => x.whole.busyMs))}, idle ` +
      `${stat(seen.map((x) => x.whole.idleMs))}; ${kinds.map((k) => `${k} ${stat(seen.map((x) => of(x, k)))}`).join(', ')}`,
  );
}

void main();
