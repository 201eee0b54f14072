/**
 * `npx tsx bench/popup-keystroke-cpu.ts profile=<dir> [baseline=<dir>] [runs=8]`: how much of the main thread's
 * time (Chromium's own counters, `Performance.getMetrics`: its tasks' wall time, and script, style and layout
 * within them) the popup spends per keystroke once React is up,
 * everything a keystroke sets off included (its list, the later cards, the marks), beside the keystroke floor
 * page typed the same way. On the profiles bench:popup seeded and kept (`<dir>/ours` with the build in
 * .output/chrome-mv3; `<dir>/before` with the build in `baseline`), both browsers open and their runs
 * alternating. On a machine whose cores are shared, a keystroke's work is what the tail is stretched from: each
 * ms of it waits its turn for a core (the tasks' wall time includes that wait, so it moves with the load). A diagnostic beside bench:popup; last line one JSON object.
 */
import type { Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { argOf, openKeptProfile, openPopupReactUp } from './chromium-trace';
import { KEYSTROKE_FLOOR_HTML, KEYSTROKE_FLOOR_SCRIPT } from './floor';

const RUNS = Number(argOf('runs') ?? 8);
const QUERIES = ['react hooks', 'deploy rollback', 'postgres index', 'onboarding buddy', 'incident review'];
const COUNTERS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const;
type Counters = Record<(typeof COUNTERS)[number], number>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The page's main-thread counters (ms) around `typing`, divided by the keys typed. */
async function perKeystroke(page: Page, query: string, settle: number): Promise<Counters> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(COUNTERS.map((k) => [k, (metrics.find((m) => m.name === k)?.value ?? NaN) * 1000]));
  };
  const before = await read();
  await page.keyboard.type(query, { delay: 60 });
  await page.waitForTimeout(settle);
  const after = await read();
  await cdp.detach();
  return Object.fromEntries(COUNTERS.map((k) => [k, (after[k]! - before[k]!) / query.length])) as Counters;
}

async function main() {
  const baseline = argOf('baseline');
  const subjects = [{ label: 'ours', ...(await openKeptProfile('ours')), popup: [] as Counters[] }];
  if (baseline)
    subjects.push({
      label: 'before',
      ...(await openKeptProfile('before', resolve(baseline, 'chrome-mv3'))),
      popup: [],
    });
  const floor: Counters[] = [];
  // Long enough for the marks (an idle callback, 100 ms at the latest) and the later cards to have run.
  const SETTLE = 1500;
  for (let run = 0; run < RUNS; run++) {
    const query = QUERIES[run % QUERIES.length]!;
    for (const s of run % 2 === 0 ? subjects : [...subjects].reverse()) {
      const page = await s.ctx.newPage();
      await openPopupReactUp(page, s.id);
      s.popup.push(await perKeystroke(page, query, SETTLE));
      await page.close();
      const t = s.popup.at(-1)!;
      console.log(
        `  ${s.label} run ${run + 1} (load ${loadavg()[0]!.toFixed(1)}) "${query}": ms per keystroke, task ${t.TaskDuration.toFixed(1)}, script ${t.ScriptDuration.toFixed(1)}, style ${t.RecalcStyleDuration.toFixed(1)}, layout ${t.LayoutDuration.toFixed(1)}`,
      );
    }
    const page = await subjects[0]!.ctx.newPage();
    await page.setContent(KEYSTROKE_FLOOR_HTML);
    await page.evaluate(KEYSTROKE_FLOOR_SCRIPT);
    await page.getByRole('textbox', { name: 'Query' }).focus();
    floor.push(await perKeystroke(page, query, SETTLE));
    await page.close();
  }
  const med = (xs: Counters[]) =>
    Object.fromEntries(COUNTERS.map((k) => [k, Number(median(xs.map((x) => x[k])).toFixed(2))])) as Counters;
  const out: Record<string, Counters> = { floor: med(floor) };
  for (const s of subjects) out[s.label] = med(s.popup);
  console.log(`\nmain thread per keystroke (ms, median of ${RUNS} typed queries), React up:`);
  for (const [k, v] of Object.entries(out))
    console.log(
      `  ${k}: task ${v.TaskDuration}, script ${v.ScriptDuration}, style ${v.RecalcStyleDuration}, layout ${v.LayoutDuration}`,
    );
  for (const s of subjects) await s.ctx.close();
  console.log(JSON.stringify({ bench: 'popup-keystroke-cpu', runs: RUNS, load: loadavg()[0], ...out }));
}

void main();
