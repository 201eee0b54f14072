/**
 * `npm run bench:digest`: the built new-tab page in real Chromium (Playwright), navigation → first contentful
 * paint and → complete digest (the page's `digest-complete` mark), median of 10 runs, at 1k/10k/50k notes.
 * Side by side in the same browser and store: the naive full scan (`?digest=full-scan`), our page on a fresh
 * index (cold: first tab ever), after one new note (incremental: the usual tab), and with nothing changed (the
 * per-day cache). Sizes can be narrowed while developing: DIGEST_BENCH_SIZES=1000. Needs `wxt build` first
 * (the npm script runs it).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { DAY_MS } from '../lib/digest/time';
import { makeNote, rng, seedStore } from '../lib/digest/seed';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { newtabBundle } from './digest-bundle';

const SIZES = (process.env.DIGEST_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.DIGEST_BENCH_RUNS ?? 10);
const COLD_RUNS = 3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

interface Timing {
  fcp: number;
  full: number;
  /** From the app's first effect to the digest computed: our data path alone, without module loading. */
  data: number;
}

async function measure(page: Page, url: string): Promise<Timing> {
  await page.goto(url);
  await page.locator('main[data-state="ready"]').waitFor({ timeout: 120_000 });
  return page.evaluate(
    () =>
      new Promise<Timing>((resolve) => {
        const read = () => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          const full = performance.getEntriesByName('digest-complete')[0]?.startTime;
          const start = performance.getEntriesByName('digest-start')[0]?.startTime ?? 0;
          const computed = performance.getEntriesByName('digest-computed')[0]?.startTime ?? 0;
          if (fcp !== undefined && full !== undefined) resolve({ fcp, full, data: computed - start });
          else setTimeout(read, 10);
        };
        read();
      }),
  );
}

async function clearDigestState(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite');
          for (const key of ['digest:index', 'digest:day', 'digest:archive-shown']) tx.objectStore('kv').delete(key);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

/** Thanks and events at a plausible density for a store of `n` notes. */
function activity(notes: ReturnType<typeof seedStore>, now: number) {
  const rand = rng(99);
  const pick = () => notes[Math.floor(rand() * notes.length)]!;
  const thanks = Array.from({ length: Math.floor(notes.length / 10) }, (_, i) => {
    const note = pick();
    const memberId = `m${Math.floor(rand() * 40)}`;
    return {
      id: `${note.id}:${memberId}:${i}`,
      noteId: note.id,
      memberId,
      communityId: note.communityId ?? 'personal',
      createdAt: note.createdAt + Math.floor(rand() * DAY_MS),
    };
  });
  const events = Array.from({ length: Math.min(3000, Math.floor(notes.length / 10)) }, () => {
    const at = Math.floor(now - rand() * 90 * DAY_MS);
    return rand() < 0.8 ? { type: 'note-opened', noteId: pick().id, at } : { type: 'duplicate-avoided', at };
  });
  return { thanks, events };
}

/**
 * Chromium with a private copy of the built extension: other work may rebuild `.output` during a long run.
 */
async function launch(extensionCopy: string) {
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionCopy}`,
      `--load-extension=${extensionCopy}`,
    ],
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker');
  return {
    context,
    extensionId: new URL(sw.url()).host,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function benchSize(n: number, extensionCopy: string) {
  const launched = await launch(extensionCopy);
  try {
    const page = await launched.context.newPage();
    // tsx keeps function names with an `__name` helper that functions sent to the page would otherwise miss.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const url = `chrome-extension://${launched.extensionId}/newtab.html`;
    await page.goto(url);
    await page.locator('main[data-state="ready"]').waitFor();
    const now = Date.now();
    const notes = seedStore(n, now - 60_000, 365, n);
    await seedExtensionDb(page, { notes, ...activity(notes, now) });

    const baseline: Timing[] = [];
    for (let i = 0; i < RUNS; i++) baseline.push(await measure(page, `${url}?digest=full-scan`));
    const cold: Timing[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await clearDigestState(page);
      cold.push(await measure(page, url));
    }
    const incremental: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      await seedExtensionDb(page, {
        notes: [makeNote({ createdAt: Date.now(), kind: 'insight', author: { id: 'm1', name: 'Member 1' } })],
      });
      incremental.push(await measure(page, url));
    }
    const cached: Timing[] = [];
    for (let i = 0; i < RUNS; i++) cached.push(await measure(page, url));
    const med = (xs: Timing[]) => ({
      fcp: r1(median(xs.map((x) => x.fcp))),
      full: r1(median(xs.map((x) => x.full))),
      data: r1(median(xs.map((x) => x.data))),
    });
    return { n, baseline: med(baseline), cold: med(cold), incremental: med(incremental), cached: med(cached) };
  } finally {
    await launched.close();
  }
}

async function main() {
  if (!existsSync(EXTENSION_PATH)) throw new Error('No built extension: run `npx wxt build` first.');
  const extensionCopy = mkdtempSync(join(tmpdir(), 'digest-bench-ext-'));
  cpSync(EXTENSION_PATH, extensionCopy, { recursive: true });
  const bundle = newtabBundle(extensionCopy);
  console.log(
    `new-tab bundle (initial load): ${bundle.rawKb} KB raw, ${bundle.gzipKb} KB gzip in ${bundle.files.length} files; ` +
      `search loads lazily on the first keystroke`,
  );
  console.log(
    'medians of',
    RUNS,
    'runs (cold:',
    COLD_RUNS,
    '), ms from navigation start: FCP / complete digest (data path)',
  );
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  console.log(
    'notes   | full scan (baseline) | ours cold (no index) | ours +1 note (incremental) | ours unchanged (day cache)',
  );
  const results = [];
  for (const n of SIZES) {
    const r = await benchSize(n, extensionCopy);
    results.push(r);
    const cell = (t: { fcp: number; full: number; data: number }) => `${t.fcp} / ${t.full} (${t.data})`.padEnd(24);
    console.log(
      `${String(n).padEnd(7)} | ${cell(r.baseline)} | ${cell(r.cold)} | ${cell(r.incremental)}     | ${cell(r.cached)}`,
    );
  }
  rmSync(extensionCopy, { recursive: true, force: true });
  const last = results[results.length - 1]!;
  console.log(
    JSON.stringify({
      bench: 'digest',
      n: last.n,
      fcpMs: last.incremental.fcp,
      fullMs: last.incremental.full,
      bundleKb: bundle.rawKb,
      bundleGzipKb: bundle.gzipKb,
      dataMs: last.incremental.data,
      cachedFullMs: last.cached.full,
      coldFullMs: last.cold.full,
      baselineFcpMs: last.baseline.fcp,
      baselineFullMs: last.baseline.full,
      baselineDataMs: last.baseline.data,
      loadAvg: Math.round(loadavg()[0]! * 10) / 10,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
