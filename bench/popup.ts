/**
 * `npm run bench:popup`: the popup in real Chromium with the built extension and N seeded notes (default
 * 100k, the search benchmark's corpus). Measures, inside the page: navigation → the newest notes on screen,
 * the first keystroke → its results, and each further keystroke → its results on screen (the popup marks
 * `commonplace:results` with the query of each list it shows; a keystroke overtaken by the next one counts
 * until the next list appears). Baselines in the same run, in the same popup page: reading every note
 * (`getAll`, the first design) and reading the saved index's bytes (`get`, the step the in-page index design
 * paid on every open before it could even decode them; decoding them costs `loadMs` of bench:search on top).
 * Side by side in the same run, on the same notes: the design before the search host (the popup decoding
 * the index itself), built from commit 1fcfa70 into a folder: `npm run bench:popup -- n=100000 runs=5
 * baseline=/tmp/out-base`. Last line: one JSON object of headline figures (`before_*`: the baseline build).
 */
import { spawnSync } from 'node:child_process';
import type { Page, Worker } from '@playwright/test';
import { generateCorpus } from './search-corpus';
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { corpusNote } from './search-notes';

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
  const w = window as unknown as { probe: { firstCard?: number; keys: number[]; updates: number[] } };
  w.probe = { keys: [], updates: [] };
  document.addEventListener('keydown', () => w.probe.keys.push(performance.now()), true);
  new MutationObserver(() => {
    if (w.probe.firstCard === undefined && document.querySelector('article')) w.probe.firstCard = performance.now();
    // For builds without the popup's marks (the baseline build): the list's first change after each key.
    if (w.probe.keys.length > w.probe.updates.length) w.probe.updates.push(performance.now());
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/**
 * Per keystroke: keydown → the first result list shown for that query or a later one (a later one means the
 * answer to this keystroke was overtaken, which is by design; the user waited until then all the same).
 */
function keystrokeLatencies(query: string, keys: number[], shown: { query: string; at: number }[]): number[] {
  return keys.map((k, i) => {
    const later = new Set(Array.from({ length: query.length - i }, (_, j) => query.slice(0, i + 1 + j).trim()));
    return (shown.find((s) => s.at >= k && later.has(s.query))?.at ?? NaN) - k;
  });
}

async function openPopup(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('article', { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { probe: { firstCard: number } }).probe.firstCard);
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

/** A fresh profile with the extension at `path` (ours, or a baseline build of an older commit). */
async function launch(path: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-popup-'));
  const context: BrowserContext = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', ...CHROMIUM_ARGS, `--disable-extensions-except=${path}`, `--load-extension=${path}`],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const close = async () => (await context.close(), rmSync(dir, { recursive: true, force: true }));
  return { context, sw, extensionId: new URL(sw.url()).host, close };
}

type Stats = Record<string, number>;

async function measure(label: string, path: string, notes: ReturnType<typeof corpusNote>[]): Promise<Stats> {
  const browser = await launch(path);
  try {
    const seedPage = await browser.context.newPage();
    await seedPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const seedStart = Date.now();
    await seedExtensionDb(seedPage, { notes });
    console.log(`${label}: seeded ${N} notes in ${Date.now() - seedStart} ms`);
    const foldStart = Date.now();
    await (browser.sw as Worker).evaluate(() =>
      (
        globalThis as unknown as { commonplace: { rebuildSearchIndex(): Promise<unknown> } }
      ).commonplace.rebuildSearchIndex(),
    );
    console.log(`${label}: search index built and saved in ${Date.now() - foldStart} ms`);

    const newest: number[] = [];
    const firstQuery: number[] = [];
    const keystrokes: number[] = [];
    const baseline: number[] = [];
    const blobRead: number[] = [];
    const scriptStart: number[] = [];
    const reactUp: number[] = [];
    const earlyPaint: number[] = [];
    const newestReadAt: number[] = [];
    const hostAnswer: number[] = [];
    const rowReads: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      await page.addInitScript(PROBE);
      newest.push(await openPopup(page, browser.extensionId));
      const query = QUERIES[run % QUERIES.length]!;
      await page.keyboard.type(query, { delay: 60 });
      await page.waitForTimeout(300);
      const { keys, updates, shown, paint, script, searches, rows, newestRead } = await page.evaluate(() => ({
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
        shown: performance
          .getEntriesByName('commonplace:results')
          .map((m) => ({ query: String((m as PerformanceMark).detail), at: m.startTime })),
      }));
      scriptStart.push(script);
      reactUp.push(shown[0]?.at ?? NaN);
      earlyPaint.push(paint);
      newestReadAt.push(newestRead ?? NaN);
      hostAnswer.push(...searches);
      rowReads.push(...rows);
      const lat =
        shown.length > 0 ? keystrokeLatencies(query, keys, shown) : keys.map((k, i) => (updates[i] ?? NaN) - k);
      if (lat.some((x) => !Number.isFinite(x))) console.warn(`  some keystrokes of "${query}" never got results`);
      if (lat[0] !== undefined) firstQuery.push(lat[0]);
      keystrokes.push(...lat.slice(1).filter((x) => Number.isFinite(x)));
      console.log(`  ${label} run ${run + 1} "${query}": ms per keystroke ${lat.map((x) => x.toFixed(0)).join(' ')}`);
      baseline.push(await timeIdbRead(page, 'notes'));
      blobRead.push(await timeIdbRead(page, 'blobs', 'search-index'));
      await page.close();
    }
    console.log(`\n${label}: ${N} notes, ${RUNS} popup opens (ms, median)`);
    console.log(`  ${label}: navigation → newest 20 on screen   ${median(newest).toFixed(1)}`);
    console.log(`  ${label}: first keystroke → results (index just opened) ${median(firstQuery).toFixed(1)}`);
    console.log(
      `  ${label}: keystroke → results  p50 ${median(keystrokes).toFixed(1)}  p95 ${p95(keystrokes).toFixed(1)}`,
    );
    console.log(
      `  where the time goes: navigation → popup script runs ${median(scriptStart).toFixed(1)} → newest 20 read ${median(newestReadAt).toFixed(1)} → on screen ${median(newest).toFixed(1)} (building the cards ${median(earlyPaint).toFixed(1)}) → React's first list ${median(reactUp).toFixed(1)}`,
    );
    console.log(
      `  where the time goes: query → search host's ids p50 ${median(hostAnswer).toFixed(1)} p95 ${p95(hostAnswer).toFixed(1)}; rows read p50 ${median(rowReads).toFixed(1)} p95 ${p95(rowReads).toFixed(1)}`,
    );
    console.log(`  baseline: read every note (getAll) before showing anything ${median(baseline).toFixed(1)}`);
    console.log(
      `  baseline: in-page index, reading its saved bytes alone (before decoding) ${median(blobRead).toFixed(1)}`,
    );
    return {
      newestMs: Number(median(newest).toFixed(1)),
      firstQueryMs: Number(median(firstQuery).toFixed(1)),
      keystrokeP50Ms: Number(median(keystrokes).toFixed(1)),
      keystrokeP95Ms: Number(p95(keystrokes).toFixed(1)),
      scriptStartMs: Number(median(scriptStart).toFixed(1)),
      reactUpMs: Number(median(reactUp).toFixed(1)),
      hostAnswerP95Ms: Number(p95(hostAnswer).toFixed(1)),
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
  const notes = generateCorpus(N).docs.map(corpusNote);
  const ours = await measure('ours', EXTENSION_PATH, notes);
  const before = baselineDir ? await measure('before', resolve(baselineDir, 'chrome-mv3'), notes) : null;
  const prefixed = before
    ? Object.fromEntries(
        ['newestMs', 'firstQueryMs', 'keystrokeP50Ms', 'keystrokeP95Ms'].map((k) => [`before_${k}`, before[k]]),
      )
    : {};
  console.log(JSON.stringify({ bench: 'popup', n: N, runs: RUNS, ...ours, ...prefixed }));
}

void main();
