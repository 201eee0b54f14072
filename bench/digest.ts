/**
 * `npm run bench:digest`: the built new-tab page in real Chromium, navigation → first contentful paint and →
 * complete digest (the page's `digest-complete` mark) and → question board on screen (`questions-rendered`, loaded
 * after the digest), median of 10 runs, at 1k/10k/50k notes. It builds its
 * own copy of the extension (never the shared .output) and launches it like the E2E tests do.
 *
 * Cases, side by side in the same browser and store:
 * - floor: an extension page with no script (the manifest as text): navigation and a new renderer, nothing more;
 * - baseline: the page computes the digest from every note (`?digest=full-scan`), the naive design;
 * - warm: nothing changed since the background stored the digest;
 * - +1 note, background done: a note was written and the background recomputed before the tab opened;
 * - +1 note, background busy: the tab opens while the background's recompute is pending (the tab paints the
 *   stored digest at once; "full" is when the one holding the new note arrives);
 * - cold: no stored digest or index (first tab after install with notes already there): the page computes.
 * Narrow while developing: DIGEST_BENCH_SIZES=1000 DIGEST_BENCH_RUNS=3.
 */
import { measureFloor } from './floor';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import type { launchWithExtension as launchWithExtensionType } from '../tests/e2e/fixtures';
import { makeNote, seedStore } from '../lib/testing/digest-seed';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { newtabBundle } from './digest-bundle';
import { activity, clearDigestState, median, pendingMark, r1, type Timing } from './digest-page';

const SIZES = (process.env.DIGEST_BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.DIGEST_BENCH_RUNS ?? 10);
const COLD_RUNS = Number(process.env.DIGEST_BENCH_COLD_RUNS ?? 3);

async function measure(page: Page, url: string): Promise<Timing> {
  await page.goto(url);
  await page.locator('main[data-state="ready"]').waitFor({ timeout: 120_000 });
  return page.evaluate(
    () =>
      new Promise<Timing>((resolve) => {
        const read = () => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          const full = performance.getEntriesByName('digest-complete')[0]?.startTime;
          const board = performance.getEntriesByName('questions-rendered')[0]?.startTime;
          if (fcp !== undefined && full !== undefined && board !== undefined) resolve({ fcp, full, board });
          else setTimeout(read, 10);
        };
        read();
      }),
  );
}

/** Runs in the service worker: the upkeep `registerDigestUpkeep` exposes (seeding bypasses its hooks). */
const upkeep = {
  refresh: (sw: Worker) =>
    sw.evaluate(() =>
      (globalThis as unknown as { commonplaceDigest: { refresh(): Promise<void> } }).commonplaceDigest.refresh(),
    ),
  changed: (sw: Worker) =>
    sw.evaluate(() =>
      (globalThis as unknown as { commonplaceDigest: { changed(): void } }).commonplaceDigest.changed(),
    ),
};

async function benchSize(n: number, launch: () => Promise<Launched>) {
  const l = await launch();
  try {
    const page = await l.context.newPage();
    // tsx keeps function names with an `__name` helper that functions sent to the page would otherwise miss.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await l.sw.evaluate('globalThis.__name = (f) => f;');
    const url = `chrome-extension://${l.extensionId}/newtab.html`;
    await page.goto(url);
    await page.locator('main[data-state="ready"]').waitFor();
    const now = Date.now();
    const notes = seedStore(n, now - 60_000, 365, n);
    await seedExtensionDb(page, { notes, ...activity(notes, now) });

    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) floor.push(await measureFloor(page, l.extensionId));
    const baseline: Timing[] = [];
    for (let i = 0; i < RUNS; i++) baseline.push(await measure(page, `${url}?digest=full-scan`));
    const cold: Timing[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await clearDigestState(page);
      cold.push(await measure(page, url));
    }
    await upkeep.refresh(l.sw);
    const warm: Timing[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await measure(page, url));
    const done: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      await seedExtensionDb(page, { notes: [makeNote({ createdAt: Date.now(), kind: 'insight' })] });
      await upkeep.refresh(l.sw);
      done.push(await measure(page, url));
    }
    const busy: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      const takeaway = `Harvested just now ${i}`;
      await seedExtensionDb(page, { notes: [makeNote({ createdAt: Date.now(), kind: 'win', takeaway })] });
      await upkeep.changed(l.sw);
      await pendingMark(page);
      const t = await measure(page, url);
      // The complete digest must be the one holding the new note, not the stale one painted first.
      if ((await page.getByText(takeaway).count()) === 0) throw new Error('complete digest without the new note');
      busy.push(t);
    }
    const med = (xs: Timing[]) => ({
      fcp: r1(median(xs.map((x) => x.fcp))),
      full: r1(median(xs.map((x) => x.full))),
      board: r1(median(xs.map((x) => x.board))),
    });
    return {
      n,
      floor: r1(median(floor)),
      baseline: med(baseline),
      warm: med(warm),
      done: med(done),
      busy: med(busy),
      cold: med(cold),
    };
  } finally {
    await l.close();
  }
}

type Launched = Awaited<ReturnType<typeof launchWithExtensionType>>;

async function main() {
  // A private build: other work may rebuild the shared .output during a long run.
  const out = mkdtempSync(join(tmpdir(), 'digest-bench-build-'));
  execFileSync('npx', ['wxt', 'build'], { env: { ...process.env, WXT_OUT_DIR: out }, stdio: 'ignore' });
  process.env.WXT_OUT_DIR = out;
  const { launchWithExtension, EXTENSION_PATH } = await import('../tests/e2e/fixtures');
  const bundle = newtabBundle(EXTENSION_PATH);
  console.log(
    `new-tab bundle before first paint: ${bundle.rawKb} KB raw, ${bundle.gzipKb} KB gzip in ${bundle.files.length} ` +
      `files; Dexie, actions and search load after the paint`,
  );
  console.log(
    `medians of ${RUNS} runs (cold: ${COLD_RUNS}), ms from navigation start: FCP / complete digest / question board`,
  );
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  const head = [
    'floor: page, no script',
    'baseline (page scans all)',
    'warm (unchanged)',
    '+1 note, bg done',
    '+1 note, bg busy',
    'cold (no index)',
  ];
  console.log(['notes  ', ...head.map((h) => h.padEnd(25))].join(' | '));
  const results = [];
  for (const n of SIZES) {
    const r = await benchSize(n, launchWithExtension);
    results.push(r);
    const cell = (t: { fcp: number; full: number; board: number }) => `${t.fcp} / ${t.full} / ${t.board}`.padEnd(25);
    const cells = [`${r.floor} / -`.padEnd(25), ...[r.baseline, r.warm, r.done, r.busy, r.cold].map(cell)];
    console.log([String(n).padEnd(7), ...cells, `load ${loadavg()[0]!.toFixed(1)}`].join(' | '));
  }
  rmSync(out, { recursive: true, force: true });
  const last = results[results.length - 1]!;
  console.log(
    JSON.stringify({
      bench: 'digest',
      n: last.n,
      fcpMs: last.done.fcp,
      fullMs: last.done.full,
      bundleKb: bundle.rawKb,
      bundleGzipKb: bundle.gzipKb,
      warmFcpMs: last.warm.fcp,
      warmFullMs: last.warm.full,
      busyFcpMs: last.busy.fcp,
      busyFullMs: last.busy.full,
      coldFcpMs: last.cold.fcp,
      coldFullMs: last.cold.full,
      coldBoardMs: last.cold.board,
      warmBoardMs: last.warm.board,
      doneBoardMs: last.done.board,
      baselineBoardMs: last.baseline.board,
      baselineFcpMs: last.baseline.fcp,
      baselineFullMs: last.baseline.full,
      floorFcpMs: last.floor,
      loadAvg: Math.round(loadavg()[0]! * 10) / 10,
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
