/**
 * `npx tsx bench/summary-upgrade.ts`: what the note summaries cost once (issue 19) at 50k notes, in real Chromium
 * with the real schema code: the first open of a v4 store (the upgrade to v6, which only marks the fill due), the
 * background fill of the summary buckets after it, and a later open of the same store (no upgrade). Median of
 * UPGRADE_RUNS (3). Sizes: UPGRADE_SIZES (50000). Then 5,000 notes imported into the filled store beside the same
 * import into a store with no summaries to keep (the floor), and the background compaction of its log rows.
 * Then the v7 and v8 upgrades' one-time index builds (`links.answers`, `[kind+createdAt]`) on a v6 store of
 * ANSWERS_SIZES (100000) notes, beside a later open and the floor of any one index added to that store (UPGRADE_SIZES= skips the summaries part).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { findChromium } from '../scripts/find-chromium';
import { startStaticServer } from '../tests/e2e/static-server';
import { median, r1 } from './digest-page';

const sizes = (v: string) => v.split(',').filter(Boolean).map(Number);
const SIZES = sizes(process.env.UPGRADE_SIZES ?? '50000');
const RUNS = Number(process.env.UPGRADE_RUNS ?? 3);
const ANSWERS_SIZES = sizes(process.env.ANSWERS_SIZES ?? '100000');

async function main() {
  const out = mkdtempSync(join(tmpdir(), 'summary-upgrade-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@': resolve('.') } },
    build: {
      outDir: out,
      emptyOutDir: false,
      lib: { entry: resolve('bench/summary-upgrade-page.ts'), formats: ['es'], fileName: () => 'page.js' },
    },
  });
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><title>upgrade</title><script type="module" src="page.js"></script>',
  );
  const server = await startStaticServer(out);
  const browser = await chromium.launch({
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    const rows = [];
    for (const n of SIZES) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => 'runUpgrade' in globalThis);
      const runs: {
        upgradeMs: number;
        fillMs: number;
        openMs: number;
        summaries: number;
        importMs: number;
        importFloorMs: number;
        compactMs: number;
        compactMaxMs: number;
      }[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(
          await page.evaluate((k) => (globalThis as never as { runUpgrade(n: number): never }).runUpgrade(k), n),
        );
      }
      if (runs.some((r) => r.summaries !== n)) throw new Error('the upgrade did not write a summary per note');
      const row = {
        n,
        upgradeMs: r1(median(runs.map((r) => r.upgradeMs))),
        fillMs: r1(median(runs.map((r) => r.fillMs))),
        openMs: r1(median(runs.map((r) => r.openMs))),
        importMs: r1(median(runs.map((r) => r.importMs))),
        importFloorMs: r1(median(runs.map((r) => r.importFloorMs))),
        compactMs: r1(median(runs.map((r) => r.compactMs))),
        compactMaxMs: r1(median(runs.map((r) => r.compactMaxMs))),
      };
      console.log(
        `${n} notes: first open of a v4 store (upgrade) ${row.upgradeMs} ms; background fill after it ` +
          `${row.fillMs} ms; a later open ${row.openMs} ms; then 5,000 notes imported in 500-note transactions ` +
          `${row.importMs} ms (the same into a store with no summaries: ${row.importFloorMs} ms), and their ` +
          `log rows compacted into the buckets in the background ${row.compactMs} ms (longest transaction, what a harvest may wait for: ${row.compactMaxMs} ms)`,
      );
      rows.push(row);
      await page.close();
    }
    const answers = [];
    for (const n of ANSWERS_SIZES) {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/index.html`);
      await page.waitForFunction(() => 'runAnswersIndex' in globalThis);
      type Run = { upgradeMs: number; openMs: number; floorMs: number; answering: number; indexed: number };
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await page.evaluate(
          (k) => (globalThis as never as { runAnswersIndex(n: number): Promise<Run> }).runAnswersIndex(k),
          n,
        );
        runs.push(r);
        console.log(
          `  run ${i + 1}: upgrade ${r1(r.upgradeMs)} ms, later open ${r1(r.openMs)}, floor ${r1(r.floorMs)}; ` +
            `load ${loadavg()[0]!.toFixed(1)}`,
        );
      }
      if (runs.some((r) => r.indexed !== r.answering)) throw new Error('the index does not hold every answering note');
      const row = {
        n,
        answering: runs[0]!.answering,
        answersUpgradeMs: r1(median(runs.map((r) => r.upgradeMs))),
        answersOpenMs: r1(median(runs.map((r) => r.openMs))),
        answersIndexFloorMs: r1(median(runs.map((r) => r.floorMs))),
      };
      console.log(
        `${n} notes (${row.answering} answering a question): first open of a v6 store (the v7 and v8 upgrades build ` +
          `the links.answers and [kind+createdAt] indexes) ${row.answersUpgradeMs} ms; a later open ${row.answersOpenMs} ms; floor, an index ` +
          `on a key path no note has, added to the same store: ${row.answersIndexFloorMs} ms (medians of ${RUNS})`,
      );
      answers.push(row);
      await page.close();
    }
    const last = { ...rows[rows.length - 1], ...answers[answers.length - 1] };
    console.log(JSON.stringify({ bench: 'summary-upgrade', ...last, loadAvg: r1(loadavg()[0]!) }));
  } finally {
    await browser.close();
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
