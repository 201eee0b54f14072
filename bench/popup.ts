/**
 * `npm run bench:popup`: the popup in real Chromium with the built extension and N seeded notes (default
 * 100k, the search benchmark's corpus). After one warm-up open (the search host has opened the saved index:
 * a browser that has been running a while), measures inside the page: navigation → the newest notes on
 * screen, the first keystroke → its results, and each further keystroke → its results on screen (the popup
 * marks `commonplace:results` with the query of each list it shows; a keystroke overtaken by the next one
 * counts until the next list appears). Typing starts before React is up (the early page answers it); each
 * open then types a second query once React has booted, timed apart. The floors right after each open, so
 * they meet the load its keystrokes met: the first paint of an extension page with no script (the manifest as
 * text), what navigation alone costs here, and a blank page's keystrokes echoed by a worker into a list.
 * Baselines in the same run, after the timed opens: reading every note (`getAll`, the first design) and
 * reading the saved index's bytes (`get`, the step the in-page index design paid on every open before it
 * could even decode them).
 * Side by side in the same run, on the same notes: an older build in a folder (`baseline=/tmp/out-base`,
 * built with `WXT_OUT_DIR=/tmp/out-base npx wxt build` at that commit), its browser open alongside and the two
 * builds' opens alternating, so drifting load on a shared machine falls on both alike. `profile=<dir>` keeps the seeded
 * profiles there between runs (seeding 100k notes takes about 90 s). Last line: one JSON object of headline
 * figures (`before_*`: the baseline build).
 */
import { spawnSync } from 'node:child_process';
import type { Page, Worker } from '@playwright/test';
import { generateCorpus } from './search-corpus';
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { rebuildSearchIndex } from '../tests/e2e/pages/popup';
import { corpusNote } from './search-notes';
import { keystrokeLatencies } from './keystrokes';
import { splitKeystrokes, type Split } from './keystroke-split';
import { measureFloor, measureKeystrokeFloor } from './floor';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const N = arg('n', 100_000);
const RUNS = arg('runs', 5);
const QUERIES = ['react hooks', 'postgres index', 'deploy rollback', 'onboarding buddy', 'tag:frontend cache'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

/** Timestamps the page records for itself: the first note card on screen, and each keydown. */
const PROBE = () => {
  const w = window as unknown as {
    probe: { firstCard?: number; keys: number[]; updates: number[]; frames: number[] };
  };
  w.probe = { keys: [], updates: [], frames: [] };
  document.addEventListener('keydown', () => w.probe.keys.push(performance.now()), true);
  // Each list the popup marks as shown: when the next frame after it was drawn (its animation frame callbacks
  // run before style, layout and paint; the task after them runs once they are done), as the floor page
  // measures its own lists. Timed from the mark, not from a DOM change: a list equal to the one on screen
  // changes nothing, and a frame counted from the next change would be the next keystroke's.
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name === 'commonplace:results')
      requestAnimationFrame(() => setTimeout(() => w.probe.frames.push(performance.now())));
    return entry;
  };
  new MutationObserver(() => {
    if (w.probe.firstCard === undefined && document.querySelector('article')) w.probe.firstCard = performance.now();
    // For builds without the popup's marks (the baseline build): the list's first change after each key.
    if (w.probe.keys.length > w.probe.updates.length) w.probe.updates.push(performance.now());
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/** Each result list the popup marked as shown: its query and when. */
const resultLists = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByName('commonplace:results')
      .map((m) => ({ query: String((m as PerformanceMark).detail), at: m.startTime })),
  );

async function openPopup(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('article', { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { probe: { firstCard: number } }).probe.firstCard);
}

/**
 * A browser that has been running a while: one popup open whose query is answered (the search host has opened
 * the saved index), then a few seconds idle, before the timed opens. Returns how long the answer took from
 * launch.
 */
async function warmUp(context: BrowserContext, extensionId: string): Promise<number> {
  const t0 = Date.now();
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.getByRole('searchbox').fill('warm');
  await page.waitForFunction(() => performance.getEntriesByName('commonplace:results').length > 0, null, {
    timeout: 120_000,
  });
  const ready = Date.now() - t0;
  // The host rehearses its search path once the index is open (lib/search-host/host.ts): a browser running
  // a few seconds has done so.
  await page.waitForTimeout(3000);
  await page.close();
  return ready;
}

/**
 * The same typing once React has taken over (it boots at the first pause in typing, so a user who pauses and
 * types on is answered by React): Escape clears the box, then `query` is typed. Null for builds without React's
 * boot mark (older baselines).
 */
async function typeAfterReact(page: Page, query: string) {
  const isUp = await page
    .waitForFunction(() => performance.getEntriesByName('commonplace:react-start').length > 0, null, {
      timeout: 10_000,
    })
    .then(
      () => true,
      () => false,
    );
  if (!isUp) return null;
  await page.waitForTimeout(500);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  const from = await page.evaluate(() => (window as unknown as { probe: { keys: number[] } }).probe.keys.length);
  await page.keyboard.type(query, { delay: 60 });
  await page.waitForTimeout(300);
  const shown = await resultLists(page);
  const { keys, reactStart, timeline } = await page.evaluate(() => {
    const probe = (window as unknown as { probe: { keys: number[]; frames: number[] } }).probe;
    const byQuery = (name: string) =>
      performance
        .getEntriesByName(name)
        .map((m) => ({ query: String((m as PerformanceMeasure).detail), at: m.startTime, ms: m.duration }));
    return {
      reactStart: performance.getEntriesByName('commonplace:react-start')[0]!.startTime,
      keys: probe.keys,
      timeline: {
        frames: probe.frames,
        search: byQuery('commonplace:search'),
        rows: byQuery('commonplace:rows'),
        render: byQuery('commonplace:render'),
        host: performance.getEntriesByName('commonplace:host').map((m) => {
          const detail = ((m as PerformanceMeasure).detail ?? {}) as Record<string, number | undefined>;
          return {
            at: m.startTime,
            ms: m.duration,
            hostMs: Number(detail.hostMs ?? NaN),
            toHostMs: Number(detail.toHostMs ?? NaN),
            backMs: Number(detail.backMs ?? NaN),
          };
        }),
      },
    };
  });
  const typed = keys.slice(from);
  const split = splitKeystrokes(query, { ...timeline, keys: typed, shown });
  return { query, reactStart, lat: keystrokeLatencies(query, typed, shown), split };
}

/** Milliseconds, in the page, to open the database and read `key` of `store` (or all of it: `getAll`). */
function timeIdbRead(page: Page, store: string, key?: string): Promise<number> {
  return page.evaluate(
    ([store, key]) =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const req = indexedDB.open('commonplace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const os = req.result.transaction(store).objectStore(store);
          const read = key === undefined ? os.getAll() : os.get(key);
          read.onsuccess = () => resolve(performance.now() - t0);
        };
      }),
    [store, key] as const,
  );
}

/**
 * A fresh profile with the extension at `path` (ours, or a baseline build of an older commit); or, with
 * `profile=<dir>`, that profile kept between runs (seeded once: for quick iterations on the popup's code, not
 * on the index's format).
 */
async function launch(path: string, kept?: string) {
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'bench-popup-'));
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', ...CHROMIUM_ARGS, `--disable-extensions-except=${path}`, `--load-extension=${path}`],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const close = async () => {
    await context.close();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  return { context, sw, extensionId: new URL(sw.url()).host, close, dir };
}

type Stats = Record<string, number | Record<string, number>>;

/** One figure per part of the keystroke split (input, hop, host, rows, render, wait, frame, total). */
const splitStat = (split: Split[], stat: (xs: number[]) => number) =>
  Object.fromEntries(
    (Object.keys(split[0] ?? {}) as (keyof Split)[]).map((k) => [k, Number(stat(split.map((x) => x[k])).toFixed(1))]),
  );

/** Writes the notes into the extension's database and has the background build and save its search index. */
async function seed(
  label: string,
  browser: Awaited<ReturnType<typeof launch>>,
  notes: ReturnType<typeof corpusNote>[],
) {
  const seedPage = await browser.context.newPage();
  // tsx names functions with a helper the page doesn't have; the seeder's functions sent to the page need it.
  await seedPage.addInitScript('globalThis.__name = (f) => f');
  await seedPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const seedStart = Date.now();
  await seedExtensionDb(seedPage, { notes });
  console.log(`${label}: seeded ${N} notes in ${Date.now() - seedStart} ms`);
  const foldStart = Date.now();
  await rebuildSearchIndex(browser.sw as Worker);
  console.log(`${label}: search index built and saved in ${Date.now() - foldStart} ms`);
  await seedPage.close();
}

/** What one build's opens collected (ms). */
function samples() {
  return {
    newest: [] as number[],
    firstQuery: [] as number[],
    keystrokes: [] as number[],
    scriptStart: [] as number[],
    reactUp: [] as number[],
    reactKeystrokes: [] as number[],
    split: [] as Split[],
    firstPaint: [] as number[],
    earlyPaint: [] as number[],
    newestReadAt: [] as number[],
    hostAnswer: [] as number[],
    rowReads: [] as number[],
    // The floors, measured right after each timed open in the same browser: they meet the same load.
    floor: [] as number[],
    keyFloor: [] as number[],
    keyFrames: [] as number[],
  };
}

interface Subject {
  label: string;
  browser: Awaited<ReturnType<typeof launch>>;
  s: ReturnType<typeof samples>;
}

/** A browser with one build, its notes seeded (or kept from an earlier run) and its search host warm. */
async function prepare(label: string, path: string, notes: () => ReturnType<typeof corpusNote>[]): Promise<Subject> {
  const kept = process.argv.find((a) => a.startsWith('profile='))?.slice('profile='.length);
  const browser = await launch(path, kept && resolve(kept, label));
  try {
    const seeded = join(browser.dir, `.seeded-${N}`);
    if (existsSync(seeded)) console.log(`${label}: ${N} notes already seeded in ${browser.dir}`);
    else await seed(label, browser, notes());
    if (kept) writeFileSync(seeded, '');
    console.log(`${label}: search host ready ${await warmUp(browser.context, browser.extensionId)} ms after launch`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return { label, browser, s: samples() };
}

/** The machine's load (1-minute average), printed beside each open's figures: the machine is shared. */
const loadNow = () => loadavg()[0]!.toFixed(1);

/**
 * One timed popup open: the newest on screen, a query typed before React, another once React is up; then the
 * floors (an extension page with no script, and a blank page's keystrokes echoed by a worker).
 */
async function timedOpen({ label, browser, s }: Subject, run: number) {
  const page = await browser.context.newPage();
  // tsx names functions with a helper the page doesn't have; functions sent to page.evaluate need it.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(PROBE);
  s.newest.push(await openPopup(page, browser.extensionId));
  const query = QUERIES[run % QUERIES.length]!;
  await page.keyboard.type(query, { delay: 60 });
  await page.waitForTimeout(300);
  const shown = await resultLists(page);
  const { keys, updates, paint, script, searches, rows, newestRead, fcp } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    paint: performance.getEntriesByName('commonplace:early-paint')[0]?.duration ?? NaN,
    script: performance.getEntriesByName('commonplace:popup-script')[0]?.startTime ?? NaN,
    searches: performance.getEntriesByName('commonplace:search').map((m) => m.duration),
    rows: performance
      .getEntriesByName('commonplace:rows')
      .filter((m) => (m as PerformanceMeasure).detail !== '')
      .map((m) => m.duration),
    newestRead: performance
      .getEntriesByName('commonplace:rows')
      .filter((m) => (m as PerformanceMeasure).detail === '')
      .map((m) => m.startTime + m.duration)[0],
    keys: (window as unknown as { probe: { keys: number[] } }).probe.keys,
    updates: (window as unknown as { probe: { updates: number[] } }).probe.updates,
  }));
  s.scriptStart.push(script);
  s.firstPaint.push(fcp);
  s.earlyPaint.push(paint);
  s.newestReadAt.push(newestRead ?? NaN);
  s.hostAnswer.push(...searches);
  s.rowReads.push(...rows);
  const lat = shown.length > 0 ? keystrokeLatencies(query, keys, shown) : keys.map((k, i) => (updates[i] ?? NaN) - k);
  if (lat.some((x) => !Number.isFinite(x))) console.warn(`  some keystrokes of "${query}" never got results`);
  if (lat[0] !== undefined) s.firstQuery.push(lat[0]);
  s.keystrokes.push(...lat.slice(1).filter((x) => Number.isFinite(x)));
  console.log(
    `  ${label} run ${run + 1} (load ${loadNow()}): newest on screen ${s.newest.at(-1)!.toFixed(0)}; "${query}": ms per keystroke ${lat.map((x) => x.toFixed(0)).join(' ')}`,
  );
  const typedAfterReact = await typeAfterReact(page, QUERIES[(run + 2) % QUERIES.length]!);
  if (typedAfterReact) {
    s.reactUp.push(typedAfterReact.reactStart);
    s.reactKeystrokes.push(...typedAfterReact.lat.slice(1).filter((x) => Number.isFinite(x)));
    s.split.push(...typedAfterReact.split.slice(1));
    console.log(
      `  ${label} run ${run + 1} "${typedAfterReact.query}" (React up): ms per keystroke ${typedAfterReact.lat.map((x) => x.toFixed(0)).join(' ')}`,
    );
  }
  await page.close();
  // The floors right after this open (not in a block after all of them): on a shared machine whose load drifts,
  // a floor measured minutes apart from the popup's keystrokes differed from the one of the same run by 1.5x.
  const floorPage = await browser.context.newPage();
  s.floor.push(await measureFloor(floorPage, browser.extensionId));
  const echoed = await measureKeystrokeFloor(floorPage, QUERIES[(run + 2) % QUERIES.length]!);
  s.keyFloor.push(...echoed.latencies.filter(Number.isFinite));
  s.keyFrames.push(...echoed.frames.filter(Number.isFinite));
  await floorPage.close();
  console.log(
    `  ${label} run ${run + 1} floor (load ${loadNow()}): ms per keystroke ${echoed.latencies.map((x) => x.toFixed(0)).join(' ')}`,
  );
}

/**
 * After every timed open: the baselines (they read every note into a page, so the garbage they leave in the
 * extension's renderer, shared by all its pages, never lands on a timed open), then the report.
 */
async function finish({ label, browser, s }: Subject): Promise<Stats> {
  try {
    const { floor, keyFloor, keyFrames } = s;
    const baseline: number[] = [];
    const blobRead: number[] = [];
    for (let run = 0; run < Math.min(RUNS, 3); run++) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
      baseline.push(await timeIdbRead(page, 'notes'));
      blobRead.push(await timeIdbRead(page, 'blobs', 'search-index'));
      await page.close();
    }
    console.log(`\n${label}: ${N} notes, ${RUNS} popup opens (ms, median)`);
    console.log(`  ${label}: navigation → newest 20 on screen   ${median(s.newest).toFixed(1)}`);
    console.log(
      `  ${label}: navigation → first paint (the newest 20 drawn) ${median(s.firstPaint).toFixed(1)}; floor: an extension page with no script ${median(floor).toFixed(1)}`,
    );
    console.log(`  ${label}: first keystroke → results (index just opened) ${median(s.firstQuery).toFixed(1)}`);
    console.log(
      `  ${label}: keystroke → results  p50 ${median(s.keystrokes).toFixed(1)}  p95 ${p95(s.keystrokes).toFixed(1)}; floor: a blank page's keystroke echoed by a worker into a 20-line list  p50 ${median(keyFloor).toFixed(1)}  p95 ${p95(keyFloor).toFixed(1)}`,
    );
    console.log(
      `  where the time goes: navigation → popup script runs ${median(s.scriptStart).toFixed(1)} → newest 20 read ${median(s.newestReadAt).toFixed(1)} → on screen ${median(s.newest).toFixed(1)} (building the cards ${median(s.earlyPaint).toFixed(1)})`,
    );
    console.log(
      `  ${label}: once React is up (it boots at a pause in typing; ${median(s.reactUp).toFixed(0)} ms after navigation here), keystroke → results  p50 ${median(s.reactKeystrokes).toFixed(1)}  p95 ${p95(s.reactKeystrokes).toFixed(1)}`,
    );
    console.log(
      `  where the time goes (before React): query → search host's ids p50 ${median(s.hostAnswer).toFixed(1)} p95 ${p95(s.hostAnswer).toFixed(1)}; rows read p50 ${median(s.rowReads).toFixed(1)} p95 ${p95(s.rowReads).toFixed(1)}`,
    );
    if (s.split.length > 0) {
      const parts = Object.keys(s.split[0]!) as (keyof Split)[];
      console.log(
        `  where a keystroke's time goes once React is up (${s.split.length} keystrokes, ms p50/p95): ${parts
          .map((k) => `${k} ${median(s.split.map((x) => x[k])).toFixed(1)}/${p95(s.split.map((x) => x[k])).toFixed(1)}`)
          .join(', ')}; floor's next frame p50/p95 ${median(keyFrames).toFixed(1)}/${p95(keyFrames).toFixed(1)}`,
      );
    }
    console.log(`  baseline: read every note (getAll) before showing anything ${median(baseline).toFixed(1)}`);
    console.log(
      `  baseline: in-page index, reading its saved bytes alone (before decoding) ${median(blobRead).toFixed(1)}`,
    );
    return {
      newestMs: Number(median(s.newest).toFixed(1)),
      firstPaintMs: Number(median(s.firstPaint).toFixed(1)),
      floorFcpMs: Number(median(floor).toFixed(1)),
      floorKeystrokeP50Ms: Number(median(keyFloor).toFixed(1)),
      floorKeystrokeP95Ms: Number(p95(keyFloor).toFixed(1)),
      firstQueryMs: Number(median(s.firstQuery).toFixed(1)),
      keystrokeP50Ms: Number(median(s.keystrokes).toFixed(1)),
      keystrokeP95Ms: Number(p95(s.keystrokes).toFixed(1)),
      scriptStartMs: Number(median(s.scriptStart).toFixed(1)),
      reactUpMs: Number(median(s.reactUp).toFixed(1)),
      reactKeystrokeP50Ms: Number(median(s.reactKeystrokes).toFixed(1)),
      reactKeystrokeP95Ms: Number(p95(s.reactKeystrokes).toFixed(1)),
      hostAnswerP95Ms: Number(p95(s.hostAnswer).toFixed(1)),
      // Where a React keystroke's time goes (keystroke-split.ts), and the floor's list to its next frame.
      reactSplitP50Ms: splitStat(s.split, median),
      reactSplitP95Ms: splitStat(s.split, p95),
      floorFrameP50Ms: Number(median(keyFrames).toFixed(1)),
      baselineReadAllMs: Number(median(baseline).toFixed(1)),
      baselineIndexReadMs: Number(median(blobRead).toFixed(1)),
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  // build=0 runs an extension built elsewhere (WXT_OUT_DIR). baseline=<dir>: a build of an older commit
  // (the in-page index design: commit 1fcfa70) measured in the same run, on the same notes.
  if (arg('build', 1) && spawnSync('npx', ['--no-install', 'wxt', 'build'], { stdio: 'inherit' }).status !== 0)
    process.exit(1);
  const baselineDir = process.argv.find((a) => a.startsWith('baseline='))?.slice('baseline='.length);
  let corpus: ReturnType<typeof corpusNote>[] | undefined;
  const notes = () => (corpus ??= generateCorpus(N).docs.map(corpusNote));
  const subjects = [await prepare('ours', EXTENSION_PATH, notes)];
  if (baselineDir) subjects.push(await prepare('before', resolve(baselineDir, 'chrome-mv3'), notes));
  // Both browsers stay open and their opens alternate (the order swapping each run): on a shared machine whose
  // load drifts over minutes, each build gets the same share of good and bad moments.
  for (let run = 0; run < RUNS; run++) {
    for (const subject of run % 2 === 0 ? subjects : [...subjects].reverse()) await timedOpen(subject, run);
  }
  const ours = await finish(subjects[0]!);
  const before = subjects[1] ? await finish(subjects[1]) : null;
  const prefixed = before
    ? Object.fromEntries(
        ['newestMs', 'firstPaintMs', 'firstQueryMs', 'keystrokeP50Ms', 'keystrokeP95Ms', 'reactKeystrokeP95Ms'].map(
          (k) => [`before_${k}`, before[k]],
        ),
      )
    : {};
  console.log(JSON.stringify({ bench: 'popup', n: N, runs: RUNS, ...ours, ...prefixed }));
}

void main();
