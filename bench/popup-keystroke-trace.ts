/**
 * `npx tsx bench/popup-keystroke-trace.ts profile=<dir> [runs=6] [label=ours]`: what the popup's main thread runs
 * while a keystroke's answer comes back, once React is up, beside the keystroke floor page (bench/floor.ts) traced
 * the same way. On a profile bench:popup seeded and kept (`<dir>/ours` with the build at WXT_OUT_DIR), each run
 * types a query with a Chromium trace running (timeline, V8, Blink, scheduler and IPC categories), and each
 * keystroke is cut at the page's own stamps: keydown → the search asked → the host posted its answer (`sent`) →
 * this thread took it (`arrived`) → the list marked as shown. For the slowest tenth of keystrokes (and for all,
 * as a median), it prints what ran on the main thread from `sent` to the mark, by kind of work, with its wall
 * and thread time (a thread time below the wall time is the thread waiting for one of the machine's cores), and
 * the time the thread ran nothing, and V8's CPU samples by function; then each slow keystroke's tasks one by one.
 * `keep=<file>` writes the popup's last trace there as JSON. A diagnostic, not a benchmark.
 */
import type { CDPSession, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { argOf, openKeptProfile, openPopupReactUp, traced, type TraceEvent } from './chromium-trace';
import { KEYSTROKE_FLOOR_HTML, KEYSTROKE_FLOOR_SCRIPT } from './floor';

const RUNS = Number(argOf('runs') ?? 6);
const QUERIES = ['react hooks', 'deploy rollback', 'postgres index', 'onboarding buddy', 'incident review'];

/** Everything that says what the main thread ran and why: tasks and where they were posted from, script, IPC. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'blink',
  'v8',
  'v8.execute',
  'toplevel',
  'scheduler',
  'renderer.scheduler',
  'ipc',
  'mojom',
  'disabled-by-default-v8.cpu_profiler',
];

/** One keystroke, on the page's clock (ms): keydown, answer posted by the worker, taken by this thread, shown. */
interface Keystroke {
  query: string;
  key: number;
  sent: number;
  arrived: number;
  shown: number;
}

/** A trace-clock window of the page's main thread, in µs. */
interface Thread {
  events: TraceEvent[];
  /** Trace µs of page time 0. */
  offset: number;
  /** V8's samples of that thread's stack: when (trace µs) and the function on top (its file and name). */
  samples: { ts: number; leaf: string }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * V8's CPU samples of the thread `tid` in process `pid` (the trace's Profile and ProfileChunk events), each with
 * the function on top of the stack, named by its file (without the build's hash) and name.
 */
function samplesOf(events: TraceEvent[], pid: number, tid: number): Thread['samples'] {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  const idOf = (e: TraceEvent) => (e as unknown as { id: string }).id;
  const profile = profiles.find((p) => p.tid === tid) ?? profiles[0];
  if (!profile) return [];
  const data = profile.args?.data as { startTime: number };
  const nodes = new Map<number, string>();
  const out: Thread['samples'] = [];
  let ts = data.startTime;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && idOf(e) === idOf(profile))) {
    const d = chunk.args?.data as {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of d.cpuProfile?.nodes ?? []) {
      const file = (n.callFrame.url ?? '')
        .split('/')
        .pop()!
        .replace(/-[\w-]{8}\.js$/, '');
      const name = n.callFrame.functionName || '(anonymous)';
      nodes.set(n.id, file ? `${file} ${name}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}` : name);
    }
    (d.cpuProfile?.samples ?? []).forEach((id, i) => {
      ts += d.timeDeltas?.[i] ?? 0;
      out.push({ ts, leaf: nodes.get(id) ?? '?' });
    });
  }
  return out;
}

/** What a piece of main-thread work was, in a few words; undefined for events that only wrap others. */
function kindOf(e: TraceEvent): string | undefined {
  const data = (e.args?.data ?? {}) as Record<string, unknown>;
  switch (e.name) {
    case 'EventDispatch':
      return `event ${String(data.type)}`;
    case 'FunctionCall': {
      const file = String(data.url ?? '')
        .split('/')
        .pop()!
        .replace(/-[\w-]{8}\.js$/, '');
      return `script ${file || '?'}${data.functionName ? ` ${String(data.functionName)}` : ''}`;
    }
    case 'TimerFire':
      return 'timer';
    case 'FireAnimationFrame':
      return 'animation frame callbacks';
    case 'FireIdleCallback':
      return 'idle callback';
    case 'RunMicrotasks':
      return 'microtasks';
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
    case 'ScheduleStyleRecalculation':
      return 'style';
    case 'Layout':
      return 'layout';
    case 'PrePaint':
    case 'Paint':
    case 'PaintImage':
    case 'Layerize':
    case 'UpdateLayer':
    case 'Commit':
    case 'UpdateLayerTree':
      return 'prepaint/paint/commit';
    case 'MinorGC':
    case 'MajorGC':
    case 'V8.GC_SCAVENGER':
    case 'V8.GCScavenger':
    case 'V8.GCFinalizeMC':
    case 'V8.GCIncrementalMarking':
    case 'BlinkGC.AtomicPhase':
    case 'BlinkGC.IncrementalMarkingStep':
    case 'CppGC.IncrementalMarkingStep':
      return 'gc';
    case 'v8.compile':
    case 'V8.CompileCode':
    case 'v8.compileModule':
      return 'compile';
    case 'ParseHTML':
      return 'parse';
    default:
      if (/GC/.test(e.name) && e.cat.includes('v8')) return 'gc';
      return undefined;
  }
}

/** Where a task was posted from (the scheduler's own words), shortened. */
function sourceOf(task: TraceEvent): string {
  const a = (task.args ?? {}) as Record<string, unknown>;
  const posted = (a.task as { posted_from?: { file_name?: string; function_name?: string } } | undefined)?.posted_from;
  const file = String(a.src_file ?? posted?.file_name ?? '')
    .split('/')
    .pop();
  const func = String(a.src_func ?? posted?.function_name ?? '');
  return file || func ? `${file}${func ? `:${func}` : ''}` : '?';
}

/**
 * The main thread's work in [from, to] (trace µs): per kind of work the wall time (the innermost kind covering
 * each 50 µs step), the tasks' thread time, and the time no task ran at all.
 */
function workIn(thread: Thread, from: number, to: number) {
  const inWindow = (e: TraceEvent) => e.ph === 'X' && e.ts < to && e.ts + (e.dur ?? 0) > from;
  const all = thread.events.filter(inWindow);
  // The scheduler's task (toplevel, which says where it was posted from); the timeline's copy where it is missing.
  const top = all.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const tasks = top.length > 0 ? top : all.filter((e) => e.name === 'RunTask');
  const spans = all
    .map((e) => ({ e, kind: kindOf(e) }))
    .filter((x): x is { e: TraceEvent; kind: string } => x.kind !== undefined)
    .map(({ e, kind }) => ({ kind, s: Math.max(from, e.ts), end: Math.min(to, e.ts + e.dur!), len: e.dur! }));
  const by = new Map<string, number>();
  let busy = 0;
  for (let x = from; x < to; x += 50) {
    const task = tasks.find((t) => t.ts <= x && x < t.ts + t.dur!);
    if (!task) continue;
    busy += 0.05;
    const inner = spans.filter((sp) => sp.s <= x && x < sp.end).sort((a, b) => a.len - b.len)[0];
    const kind = inner?.kind ?? `task from ${sourceOf(task)}`;
    by.set(kind, (by.get(kind) ?? 0) + 0.05);
  }
  const wall = tasks.reduce((s, t) => s + (Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts)), 0) / 1000;
  // A task's thread time over its wall time, applied to its part in the window.
  const cpu =
    tasks.reduce((s, t) => {
      const part = Math.min(to, t.ts + t.dur!) - Math.max(from, t.ts);
      return s + (t.tdur !== undefined && t.dur ? (part * t.tdur) / t.dur : part);
    }, 0) / 1000;
  return { windowMs: (to - from) / 1000, busyMs: busy, idleMs: (to - from) / 1000 - busy, wall, cpu, by, tasks };
}

/** The page's main thread and the offset of its clock in the trace, from the `commonplace:typing` mark. */
function threadOf(events: TraceEvent[], typingAt: number): Thread {
  const mark = events.find((e) => e.name === 'commonplace:typing' && e.cat.includes('blink.user_timing'));
  if (!mark) throw new Error('no commonplace:typing mark in the trace');
  return {
    events: events.filter((e) => e.pid === mark.pid && e.tid === mark.tid),
    offset: mark.ts - typingAt * 1000,
    samples: samplesOf(events, mark.pid, mark.tid),
  };
}

/** The popup, React up: one query typed, each keystroke's stamps, and the trace of its main thread. */
async function tracePopup(page: Page, cdp: CDPSession, id: string, query: string) {
  await openPopupReactUp(page, id);
  const { events } = await traced(cdp, CATEGORIES, async () => {
    await page.evaluate(`performance.mark('commonplace:typing')`);
    await page.keyboard.type(query, { delay: 60 });
    await page.waitForTimeout(400);
  });
  const t = (await page.evaluate(`(() => {
    const typing = performance.getEntriesByName('commonplace:typing')[0].startTime;
    return {
      typing,
      keys: window.__keys.filter((k) => k > typing),
      shown: performance.getEntriesByName('commonplace:results').map((m) => ({ query: String(m.detail), at: m.startTime })),
      search: performance.getEntriesByName('commonplace:search').map((m) => ({ query: String(m.detail), at: m.startTime })),
      host: performance.getEntriesByName('commonplace:host')
        .filter((m) => m.detail && m.detail.type === 'searchNotes')
        .map((m) => ({ at: m.startTime, arrived: m.startTime + m.duration, back: m.detail.backMs })),
    };
  })()`)) as {
    typing: number;
    keys: number[];
    shown: { query: string; at: number }[];
    search: { query: string; at: number }[];
    host: { at: number; arrived: number; back: number }[];
  };
  const keystrokes: Keystroke[] = [];
  t.keys.forEach((key, i) => {
    const q = query.slice(0, i + 1).trim();
    if (i > 0 && q === query.slice(0, i).trim()) return; // a space: nothing asked
    const next = t.keys[i + 1] ?? Infinity;
    const search = t.search.find((s) => s.query === q && s.at >= key && s.at < next);
    const host = search && t.host.find((h) => h.at >= search.at - 0.5 && h.at < next);
    const shown = t.shown.find((s) => s.query === q && s.at >= key);
    if (!search || !host || !shown) return; // overtaken by the next keystroke: its time is the next one's
    keystrokes.push({ query: q, key, sent: host.arrived - host.back, arrived: host.arrived, shown: shown.at });
  });
  const keep = argOf('keep');
  if (keep) writeFileSync(keep, JSON.stringify(events));
  return { keystrokes, thread: threadOf(events, t.typing) };
}

/** The floor page (bench/floor.ts's keystroke floor), the same typing, the same stamps. */
async function traceFloor(page: Page, cdp: CDPSession, query: string) {
  await page.goto('about:blank');
  await page.setContent(KEYSTROKE_FLOOR_HTML);
  await page.evaluate(KEYSTROKE_FLOOR_SCRIPT);
  await page.getByRole('textbox', { name: 'Query' }).focus();
  await page.waitForTimeout(300);
  const { events } = await traced(cdp, CATEGORIES, async () => {
    await page.evaluate(`performance.mark('commonplace:typing')`);
    await page.keyboard.type(query, { delay: 60 });
    await page.waitForTimeout(400);
  });
  const t = (await page.evaluate(`({
    typing: performance.getEntriesByName('commonplace:typing')[0].startTime,
    keys: window.keys,
    replies: window.replies,
    shown: performance.getEntriesByName('commonplace:results').map((m) => ({ query: String(m.detail), at: m.startTime })),
  })`)) as {
    typing: number;
    keys: number[];
    replies: { query: string; sent: number; arrived: number }[];
    shown: { query: string; at: number }[];
  };
  const keystrokes: Keystroke[] = [];
  t.keys.forEach((key, i) => {
    const q = query.slice(0, i + 1).trim();
    if (i > 0 && q === query.slice(0, i).trim()) return;
    const reply = t.replies.find((r) => r.query === q && r.arrived >= key);
    const shown = t.shown.find((s) => s.query === q && s.at >= key);
    if (!reply || !shown) return;
    keystrokes.push({ query: q, key, sent: reply.sent, arrived: reply.arrived, shown: shown.at });
  });
  return { keystrokes, thread: threadOf(events, t.typing) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;
const f = (x: number) => x.toFixed(1);

interface Seen {
  k: Keystroke;
  thread: Thread;
}

/** Prints the table for one page: the slowest tenth's work from `sent` to the mark, beside every keystroke's. */
function report(label: string, seen: Seen[]) {
  const total = (s: Seen) => s.k.shown - s.k.key;
  const sorted = [...seen].sort((a, b) => total(b) - total(a));
  const slow = sorted.slice(0, Math.max(1, Math.ceil(seen.length / 10)));
  const phases = (s: Seen) => ({
    total: total(s),
    toAnswer: s.k.sent - s.k.key,
    back: s.k.arrived - s.k.sent,
    after: s.k.shown - s.k.arrived,
  });
  const stat = (xs: Seen[], pick: (p: ReturnType<typeof phases>) => number) =>
    `${f(median(xs.map((s) => pick(phases(s)))))}/${f(p95(xs.map((s) => pick(phases(s)))))}`;
  console.log(
    `\n## ${label}: ${seen.length} keystrokes; keydown → shown p50/p95 ${stat(seen, (p) => p.total)} ms ` +
      `(keydown → answer posted ${stat(seen, (p) => p.toAnswer)}, way back ${stat(seen, (p) => p.back)}, ` +
      `answer taken → shown ${stat(seen, (p) => p.after)})`,
  );
  for (const [name, group] of [
    [`slowest ${slow.length}`, slow],
    ['all', seen],
  ] as const) {
    const works = group.map((s) => ({
      back: workIn(s.thread, s.thread.offset + s.k.sent * 1000, s.thread.offset + s.k.arrived * 1000),
      after: workIn(s.thread, s.thread.offset + s.k.arrived * 1000, s.thread.offset + s.k.shown * 1000),
    }));
    const kinds = [...new Set(works.flatMap((w) => [...w.back.by.keys(), ...w.after.by.keys()]))];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const rows = kinds
      .map((kind) => ({
        kind,
        back: mean(works.map((w) => w.back.by.get(kind) ?? 0)),
        after: mean(works.map((w) => w.after.by.get(kind) ?? 0)),
      }))
      .sort((a, b) => b.back + b.after - (a.back + a.after))
      .filter((r) => r.back + r.after >= 0.05);
    console.log(
      `\n### ${label}, ${name} keystrokes: mean ms on the main thread, answer posted → taken (way back) | taken → shown`,
    );
    console.log('| work | way back | taken → shown |\n|---|---|---|');
    for (const r of rows) console.log(`| ${r.kind} | ${f(r.back)} | ${f(r.after)} |`);
    const line = (pick: (w: ReturnType<typeof workIn>) => number) =>
      `${f(mean(works.map((w) => pick(w.back))))} | ${f(mean(works.map((w) => pick(w.after))))}`;
    console.log(`| **window** | ${line((w) => w.windowMs)} |`);
    console.log(`| busy (tasks' wall time) | ${line((w) => w.wall)} |`);
    console.log(`| of which the thread ran (thread time) | ${line((w) => w.cpu)} |`);
    console.log(`| no task at all | ${line((w) => w.idleMs)} |`);
  }
  for (const [name, group] of [
    [`slowest ${slow.length}`, slow],
    ['all', seen],
  ] as const) {
    const leaves = new Map<string, number>();
    let n = 0;
    for (const s of group) {
      const from = s.thread.offset + s.k.arrived * 1000;
      const to = s.thread.offset + s.k.shown * 1000;
      for (const x of s.thread.samples)
        if (x.ts >= from && x.ts < to && x.leaf !== '(idle)') {
          leaves.set(x.leaf, (leaves.get(x.leaf) ?? 0) + 1);
          n++;
        }
    }
    console.log(
      `\n### ${label}, ${name} keystrokes: V8's samples from the answer taken to the list shown (${n}), by function on top`,
    );
    for (const [leaf, c] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`- ${leaf}: ${c} (${((100 * c) / n).toFixed(0)}%)`);
  }
  console.log(`\n### ${label}: the slowest keystrokes, task by task (ms from the answer posted; wall/thread)`);
  for (const s of slow) {
    const p = phases(s);
    const from = s.thread.offset + s.k.sent * 1000;
    const w = workIn(s.thread, s.thread.offset + s.k.key * 1000, s.thread.offset + s.k.shown * 1000);
    console.log(
      `- "${s.k.query}" ${f(p.total)} ms: keydown → posted ${f(p.toAnswer)}, way back ${f(p.back)}, taken → shown ${f(p.after)}`,
    );
    for (const t of w.tasks.filter((t) => t.ts + t.dur! > from - 2000)) {
      const inner = workIn(s.thread, t.ts, t.ts + t.dur!);
      const top = [...inner.by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([k, ms]) => `${k} ${f(ms)}`)
        .join(', ');
      console.log(
        `    ${f((t.ts - from) / 1000).padStart(6)}  ${f(t.dur! / 1000)}/${f((t.tdur ?? t.dur!) / 1000)}  from ${sourceOf(t)}: ${top}`,
      );
    }
  }
}

async function main() {
  const { ctx, id } = await openKeptProfile();
  const popup: Seen[] = [];
  const floor: Seen[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const query = QUERIES[run % QUERIES.length]!;
      const page = await ctx.newPage();
      await page.addInitScript(`window.__keys = [];
        document.addEventListener('keydown', () => window.__keys.push(performance.now()), true);`);
      const cdp = await ctx.newCDPSession(page);
      const p = await tracePopup(page, cdp, id, query);
      popup.push(...p.keystrokes.slice(1).map((k) => ({ k, thread: p.thread })));
      await cdp.detach();
      await page.close();
      // The floor as bench:popup measures it: a blank page in the same browser, right after the popup's run.
      const fpage = await ctx.newPage();
      const fcdp = await ctx.newCDPSession(fpage);
      const fl = await traceFloor(fpage, fcdp, query);
      floor.push(...fl.keystrokes.slice(1).map((k) => ({ k, thread: fl.thread })));
      await fcdp.detach();
      await fpage.close();
      console.log(`run ${run + 1} "${query}": popup ${p.keystrokes.length}, floor ${fl.keystrokes.length} keystrokes`);
    }
  } finally {
    await ctx.close();
  }
  report('popup (React up)', popup);
  report('floor page', floor);
}

void main();
