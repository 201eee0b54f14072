/**
 * `npm run bench:popup`: the popup in real Chromium with the built extension and N seeded notes (default
 * 100k, the search benchmark's corpus). Measures, inside the page: navigation → the newest notes on screen,
 * the first keystroke → its results, and each further keystroke → its results on screen. Baseline in the same
 * run: what the first design paid before it could show anything — reading every note (`getAll`).
 * Last line: one JSON object of headline figures.
 */
import { spawnSync } from 'node:child_process';
import type { Page, Worker } from '@playwright/test';
import { generateCorpus } from './search-corpus';
import { launchWithExtension } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { NOTE_SCHEMA_VERSION, pageKey, type Note } from '../lib/model';
import type { SearchDoc } from '../lib/search';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const N = arg('n', 100_000);
const RUNS = arg('runs', 5);
const QUERIES = ['react hooks', 'postgres index', 'deploy rollback', 'onboarding buddy', 'tag:frontend cache'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

function toNote(d: SearchDoc, i: number): Note {
  const url = `https://${d.site}/p/${i}`;
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: `${(0x10000000 + i).toString(16)}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
    kind: d.kind,
    quote: d.quote,
    takeaway: d.takeaway,
    tags: d.tags.map((t) => t.toLowerCase()).slice(0, 32),
    selectors: [],
    page: { url, canonicalUrl: url, title: d.title || d.site },
    pageKey: pageKey(url),
    createdAt: d.createdAt,
    updatedAt: d.createdAt,
    ...(d.author ? { author: { id: `m-${d.author}`, name: d.author } } : {}),
  };
}

/** Timestamps the page records for itself: first note card, and each keystroke → the list's next change. */
const PROBE = () => {
  const w = window as unknown as { probe: { firstCard?: number; keys: number[]; updates: number[] } };
  w.probe = { keys: [], updates: [] };
  document.addEventListener('keydown', () => w.probe.keys.push(performance.now()), true);
  new MutationObserver(() => {
    if (w.probe.firstCard === undefined && document.querySelector('article')) w.probe.firstCard = performance.now();
    if (w.probe.keys.length > w.probe.updates.length) w.probe.updates.push(performance.now());
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

async function openPopup(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.waitForSelector('article', { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { probe: { firstCard: number } }).probe.firstCard);
}

async function main() {
  if (spawnSync('npx', ['--no-install', 'wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  const { docs } = generateCorpus(N);
  const notes = docs.map(toNote);
  const browser = await launchWithExtension();
  try {
    const seedPage = await browser.context.newPage();
    await seedPage.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const seedStart = Date.now();
    await seedExtensionDb(seedPage, { notes });
    console.log(`seeded ${N} notes in ${Date.now() - seedStart} ms`);
    const foldStart = Date.now();
    await (browser.sw as Worker).evaluate(() =>
      (
        globalThis as unknown as { commonplace: { rebuildSearchIndex(): Promise<unknown> } }
      ).commonplace.rebuildSearchIndex(),
    );
    console.log(`search index built and saved in ${Date.now() - foldStart} ms`);

    const newest: number[] = [];
    const firstQuery: number[] = [];
    const keystrokes: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      await page.addInitScript(PROBE);
      newest.push(await openPopup(page, browser.extensionId));
      const query = QUERIES[run % QUERIES.length]!;
      await page.keyboard.type(query, { delay: 60 });
      await page.waitForTimeout(300);
      const probe = await page.evaluate(
        () => (window as unknown as { probe: { keys: number[]; updates: number[] } }).probe,
      );
      const lat = probe.keys.map((k, i) => (probe.updates[i] ?? NaN) - k).filter((x) => Number.isFinite(x));
      if (lat[0] !== undefined) firstQuery.push(lat[0]);
      keystrokes.push(...lat.slice(1));
      baseline.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const t0 = performance.now();
              const req = indexedDB.open('commonplace');
              req.onerror = () => reject(req.error);
              req.onsuccess = () => {
                const get = req.result.transaction('notes').objectStore('notes').getAll();
                get.onsuccess = () => resolve(performance.now() - t0);
              };
            }),
        ),
      );
      await page.close();
    }
    console.log(`\n${N} notes, ${RUNS} popup opens (ms, median)`);
    console.log(`  ours: navigation → newest 20 on screen   ${median(newest).toFixed(1)}`);
    console.log(`  ours: first keystroke → results (index just opened) ${median(firstQuery).toFixed(1)}`);
    console.log(`  ours: keystroke → results  p50 ${median(keystrokes).toFixed(1)}  p95 ${p95(keystrokes).toFixed(1)}`);
    console.log(`  baseline: read every note (getAll) before showing anything ${median(baseline).toFixed(1)}`);
    console.log(
      JSON.stringify({
        bench: 'popup',
        n: N,
        newestMs: Number(median(newest).toFixed(1)),
        firstQueryMs: Number(median(firstQuery).toFixed(1)),
        keystrokeP50Ms: Number(median(keystrokes).toFixed(1)),
        keystrokeP95Ms: Number(p95(keystrokes).toFixed(1)),
        baselineReadAllMs: Number(median(baseline).toFixed(1)),
      }),
    );
  } finally {
    await browser.close();
  }
}

void main();
