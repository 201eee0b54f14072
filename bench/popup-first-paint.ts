/**
 * `npx tsx bench/popup-first-paint.ts profile=<dir> [baseline=<dir>] [runs=20]`: the popup's newest cards against
 * the floor, many opens and nothing else (bench:popup types after each open, so it gets a few opens a minute; on
 * a shared machine whose load swings the first paint by ±100 ms, a few opens cannot show a 20 ms change). On the
 * profiles bench:popup seeded and kept (`<dir>/ours` with the build at WXT_OUT_DIR, `<dir>/before` with
 * `baseline=<dir>`'s build), both browsers open and their opens alternating. Per open, in the page: navigation
 * → the first note card in the DOM, parse done (domInteractive) → that card (what our scripts cost once the
 * page is parsed), and its first contentful paint; right before it in the same browser, the floor's first paint
 * (an extension page with no script). Prints medians and the last line as JSON. A diagnostic, not a test.
 */
import { resolve } from 'node:path';
import { EXTENSION_PATH } from '../tests/e2e/fixtures';
import { argOf, openKeptProfile } from './chromium-trace';
import { measureFloor } from './floor';

const RUNS = Number(argOf('runs') ?? 20);

/** The first card's time, recorded by the page itself (a MutationObserver from before any script of ours). */
const FIRST_CARD = () => {
  const w = window as unknown as { firstCard?: number };
  new MutationObserver((_, observer) => {
    if (!document.querySelector('article')) return;
    w.firstCard = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

async function open(label: string, extension: string) {
  const { ctx, id } = await openKeptProfile(label, extension);
  return { label, ctx, id, rows: [] as Record<string, number>[] };
}

type Subject = Awaited<ReturnType<typeof open>>;

async function once(s: Subject) {
  const page = await s.ctx.newPage();
  await page.addInitScript('globalThis.__name = (f) => f');
  const floor = await measureFloor(page, s.id);
  await page.addInitScript(FIRST_CARD);
  await page.goto(`chrome-extension://${s.id}/popup.html`);
  await page.waitForFunction(() => (window as unknown as { firstCard?: number }).firstCard !== undefined);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const row = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const card = (window as unknown as { firstCard: number }).firstCard;
    return {
      card,
      afterParse: card - nav.domInteractive,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime,
    };
  });
  s.rows.push({ ...row, floor, cardAfterFloor: row.card - floor });
  await page.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  const subjects = [await open('ours', EXTENSION_PATH)];
  const baseline = argOf('baseline');
  if (baseline) subjects.push(await open('before', resolve(baseline, 'chrome-mv3')));
  for (let run = 0; run < RUNS; run++)
    for (const s of run % 2 === 0 ? subjects : [...subjects].reverse()) await once(s);
  const out: Record<string, Record<string, number>> = {};
  for (const s of subjects) {
    const m = (k: string) => Number(median(s.rows.map((r) => r[k]!)).toFixed(1));
    out[s.label] = {
      cardMs: m('card'),
      cardAfterParseMs: m('afterParse'),
      fcpMs: m('fcp'),
      floorFcpMs: m('floor'),
      cardAfterFloorMs: m('cardAfterFloor'),
    };
    console.log(
      `${s.label} (${s.rows.length} opens, medians, ms): navigation → newest cards ${m('card')}; parse done → cards ` +
        `${m('afterParse')}; first contentful paint ${m('fcp')}; floor ${m('floor')}; cards after the floor ${m('cardAfterFloor')}`,
    );
    await s.ctx.close();
  }
  console.log(JSON.stringify({ bench: 'popup-first-paint', runs: RUNS, ...out }));
}

void main();
