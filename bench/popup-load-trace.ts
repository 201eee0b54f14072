/**
 * `npx tsx bench/popup-load-trace.ts profile=<dir> [runs=3]`: where the popup's first paint goes. On a profile
 * bench:popup seeded and kept (`<dir>/ours` with the build at WXT_OUT_DIR; `label=before` for the baseline's),
 * each run opens the popup with a Chromium trace running and prints its main thread from navigation to first
 * contentful paint: each task longer than 1 ms and what it was, and the user-timing marks. Beside it, the same
 * for the floor page (the manifest as text). A diagnostic, not a benchmark.
 */
import type { CDPSession, Page } from '@playwright/test';
import { argOf, openKeptProfile, traced, type TraceEvent } from './chromium-trace';

const RUNS = Number(argOf('runs') ?? 3);

/** What the load trace records: the timeline, user timing, loading and navigation, tasks and script. */
const LOAD_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'navigation',
  'toplevel',
  'v8.execute',
];

/** The names under a task that say what it was (innermost first), to one line. */
function whatRan(all: TraceEvent[], task: TraceEvent): string {
  const inside = all.filter(
    (e) =>
      e !== task &&
      e.ph === 'X' &&
      e.ts >= task.ts &&
      e.ts + (e.dur ?? 0) <= task.ts + task.dur! &&
      (e.dur ?? 0) >= 300,
  );
  const names = new Map<string, number>();
  for (const e of inside) {
    const url = String((e.args?.data as { url?: string } | undefined)?.url ?? '')
      .split('/')
      .pop();
    const key = url ? `${e.name}(${url})` : e.name;
    names.set(key, Math.max(names.get(key) ?? 0, (e.dur ?? 0) / 1000));
  }
  return [...names]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
    .join(', ');
}

async function loadTrace(page: Page, cdp: CDPSession, url: string, label: string) {
  const { events } = await traced(cdp, LOAD_CATEGORIES, async () => {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    await page.waitForTimeout(300);
  });
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === fcp?.pid);
  if (!fcp || !nav) return console.log(`${label}: no FCP or navigation start in the trace`);
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts >= nav.ts && e.ts <= fcp.ts);
  const busy = tasks.reduce((s, t) => s + t.dur!, 0) / 1000;
  const at = (ts: number) => ((ts - nav.ts) / 1000).toFixed(1);
  console.log(
    `\n${label}: navigation → FCP ${at(fcp.ts)} ms, main thread busy ${busy.toFixed(1)} in ${tasks.length} tasks`,
  );
  // The thread's own time beside each task's wall time: on a loaded machine the rest is waiting for a core.
  const cpu = (t: TraceEvent) => (t.tdur === undefined ? '' : ` (thread ${(t.tdur / 1000).toFixed(1)})`);
  for (const t of tasks.filter((t) => t.dur! >= 1000))
    console.log(`  @${at(t.ts)} ${(t.dur! / 1000).toFixed(1)} ms${cpu(t)}: ${whatRan(main, t)}`);
  const marks = main.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('commonplace:'));
  for (const m of marks.filter((m) => m.ts <= fcp.ts + 50_000)) console.log(`  mark ${m.name} @${at(m.ts)}`);
}

async function main() {
  const { ctx, id } = await openKeptProfile();
  for (let run = 0; run < RUNS; run++)
    for (const [label, path] of [
      ['floor', 'manifest.json'],
      ['popup', 'popup.html'],
    ] as const) {
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await loadTrace(page, cdp, `chrome-extension://${id}/${path}`, `run ${run + 1} ${label}`);
      await cdp.detach();
      await page.close();
    }
  await ctx.close();
}

void main();
