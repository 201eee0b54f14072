/**
 * `npm run bench:paint`: the cost of painting 100 highlights on a large real page, in Chromium with the built
 * extension. The largest corpus page (scripts stripped, so it holds still) is served locally with N notes
 * seeded for it (quotes of 3–60 words described on the same page). Per run, a fresh load:
 *  - ours, end to end: content-script start → every note anchored and painted (the content script's
 *    `commonplace:content-start` and `commonplace:painted` marks), and the anchoring+paint part alone;
 *  - paint only, side by side on the same 100 ranges in the same page, each until the next frame is drawn:
 *    registering them as a CSS Custom Highlight (what we do) versus wrapping their text in <mark> elements
 *    (what DOM-mutating annotation clients do: split text nodes, insert elements, relayout).
 * Medians over `runs`. Usage: `npm run bench:paint -- runs=7 notes=100`. Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildTextModel, describeRange, offsetsToRange } from '../lib/anchoring';
import { pageKey, type Note } from '../lib/model';
import { requireCorpus } from '../lib/testing/corpus';
import { seededRandom } from '../lib/testing/seeded-random';
import { makeNote } from '../lib/testing/make-note';
import * as cases from './anchoring-cases';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 7);
const NOTES = arg('notes', 100);
process.env.WXT_OUT_DIR ??= '/tmp/commonplace-bench-paint';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

/**
 * The largest corpus page (by HTML) with text enough for NOTES separate quotes: the worst case for reading
 * a page's text. Scripts are stripped so the page holds still between runs.
 */
function largePageWithNotes(url: string): { name: string; html: string; notes: Note[] } {
  const dir = requireCorpus();
  const bySize = readdirSync(dir)
    .filter((d) => statSync(path.join(dir, d)).isDirectory())
    .map((d) => [d, statSync(path.join(dir, d, 'source.html')).size] as const)
    .sort((a, b) => b[1] - a[1]);
  for (const [name] of bySize) {
    const html = readFileSync(path.join(dir, name, 'source.html'), 'utf8').replace(
      /<script\b[\s\S]*?<\/script\s*>/gi,
      '',
    );
    const notes = seedNotes(html, url);
    if (notes.length >= NOTES) return { name, html, notes };
  }
  throw new Error(`no corpus page holds ${NOTES} separate quotes`);
}

function seedNotes(html: string, url: string): Note[] {
  const doc = cases.parse(html);
  const model = buildTextModel(doc.body);
  const spans = cases.sampleQuotes(model, NOTES, seededRandom(7), () => true);
  const alice = { id: 'u-alice', name: 'Alice Archer' };
  return spans.map((s, i) => {
    const selectors = describeRange(offsetsToRange(model, s.start, s.end), doc.body);
    return makeNote({
      quote: model.text.slice(s.start, s.end),
      selectors,
      page: { url, canonicalUrl: url, title: 'Large page' },
      pageKey: pageKey(url),
      ...(i % 3 === 2 ? { author: alice, communityId: 'c1' } : {}),
    });
  });
}

/** Our figures for one load, from the content script's marks. */
async function oursOnce(page: Page, url: string) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('commonplace:painted').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const start = performance.getEntriesByName('commonplace:content-start')[0] as PerformanceMark;
    const painted = performance.getEntriesByName('commonplace:painted')[0] as PerformanceMark;
    const detail = (painted.detail ?? {}) as { anchorMs?: number; readMs?: number; methods?: object };
    const layers = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const count = [...layers.values()].reduce((n, h) => n + h.size, 0);
    return {
      totalMs: painted.startTime - start.startTime,
      anchorMs: detail.anchorMs ?? NaN,
      readMs: detail.readMs ?? NaN,
      methods: detail.methods,
      count,
    };
  });
}

/** Paint-only on the same ranges: a CSS highlight vs <mark> wrapping, each until the next frame. */
function paintOnly(page: Page) {
  return page.evaluate(async () => {
    const layers = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges = [...layers.values()].flatMap((h) => [...h]).map((r) => r.cloneRange());
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await frame();

    let t0 = performance.now();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(bench-css) { background-color: rgba(255, 204, 0, 0.38); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    layers.set('bench-css', new Highlight(...ranges) as unknown as Set<Range>);
    document.body.getBoundingClientRect();
    await frame();
    const cssMs = performance.now() - t0;
    layers.delete('bench-css');
    await frame();

    t0 = performance.now();
    // The classic highlighter: every text node a range touches is split at the edges and wrapped.
    for (const range of ranges) {
      const texts: Text[] = [];
      const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      for (let n = walker.currentNode; n; n = walker.nextNode() as Node) {
        if (n.nodeType === 3 && range.intersectsNode(n) && (n as Text).data.trim()) texts.push(n as Text);
      }
      for (let t of texts) {
        if (t === range.endContainer && range.endOffset < t.length) t.splitText(range.endOffset);
        if (t === range.startContainer && range.startOffset > 0) t = t.splitText(range.startOffset);
        const mark = document.createElement('mark');
        t.before(mark);
        mark.append(t);
      }
    }
    document.body.getBoundingClientRect();
    await frame();
    const markMs = performance.now() - t0;
    return { cssMs, markMs, ranges: ranges.length };
  });
}

async function main() {
  const out = process.env.WXT_OUT_DIR as string;
  console.error(`building the extension into ${out}`);
  // A test build: the content script's paint marks, which this benchmark reads, exist only there.
  const env = { ...process.env, WXT_TEST_HOOKS: '1' };
  if (spawnSync('npx', ['--no-install', 'wxt', 'build'], { stdio: 'ignore', env }).status !== 0) {
    throw new Error('wxt build failed');
  }
  const { launchWithExtension } = await import('../tests/e2e/fixtures');
  const { startStaticServer } = await import('../tests/e2e/static-server');
  const { seedExtensionDb } = await import('../tests/e2e/digest-seed');
  const site = await startStaticServer();
  const url = `${site.origin}/large.html`;
  const { name, html, notes } = largePageWithNotes(url);
  site.override('/large.html', html);
  const { context, close } = await launchWithExtension();
  try {
    let [sw] = context.serviceWorkers();
    sw ??= await context.waitForEvent('serviceworker');
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${new URL(sw.url()).host}/note.html?id=none`);
    await ext.getByText('This note does not exist or was deleted.').waitFor();
    await seedExtensionDb(ext, { notes });
    await ext.close();

    const page = await context.newPage();
    // tsx names functions with a helper the page doesn't have; functions sent to page.evaluate need it.
    await page.addInitScript('globalThis.__name = (f) => f');
    const ours: Awaited<ReturnType<typeof oursOnce>>[] = [];
    const paint: Awaited<ReturnType<typeof paintOnly>>[] = [];
    for (let r = 0; r <= RUNS; r++) {
      const o = await oursOnce(page, url);
      const p = await paintOnly(page);
      if (r === 0) continue; // warm-up: caches, JIT
      ours.push(o);
      paint.push(p);
      console.error(
        `run ${r}: ours ${o.totalMs.toFixed(1)} ms (anchor+paint ${o.anchorMs.toFixed(1)}, read ${o.readMs.toFixed(1)}, ${JSON.stringify(o.methods)}), css ${p.cssMs.toFixed(1)} / mark ${p.markMs.toFixed(1)}`,
      );
    }
    const painted = ours[0]?.count ?? 0;
    const result = {
      bench: 'paint',
      page: name,
      htmlKb: Math.round(html.length / 1024),
      notes: notes.length,
      painted,
      runs: RUNS,
      totalMs: round(median(ours.map((o) => o.totalMs))),
      anchorPaintMs: round(median(ours.map((o) => o.anchorMs))),
      cssFrameMs: round(median(paint.map((p) => p.cssMs))),
      markFrameMs: round(median(paint.map((p) => p.markMs))),
    };
    console.log(
      `\npaint: ${notes.length} notes on ${name} (${result.htmlKb} KB), ${painted} painted; medians of ${RUNS} runs`,
    );
    console.log(`${'measure'.padEnd(58)} ${'ms'.padStart(8)}`);
    console.log(`${'ours: content-script start -> all painted'.padEnd(58)} ${String(result.totalMs).padStart(8)}`);
    console.log(
      `${'ours: of which read page + anchor all + paint'.padEnd(58)} ${String(result.anchorPaintMs).padStart(8)}`,
    );
    console.log(
      `${'paint only, CSS Custom Highlight (ours), to next frame'.padEnd(58)} ${String(result.cssFrameMs).padStart(8)}`,
    );
    console.log(
      `${'paint only, <mark> wrapping (baseline), to next frame'.padEnd(58)} ${String(result.markFrameMs).padStart(8)}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await close();
    await site.close();
  }
}

await main();
