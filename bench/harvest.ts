/**
 * `npm run bench:harvest`: a harvest end to end at 100k notes, in Chromium with the built extension, beside
 * the same steps in a second browser whose store holds only this page's notes (the floor). Per run, in each
 * browser in turn, on the same article page (tests/fixtures/pages/article.html):
 *  - revisit: navigation start → the page's notes painted (the content script's `commonplace:painted` mark);
 *  - harvest: a sentence selected with the mouse, **Harvest** clicked → the capture panel showing the quote;
 *  - save: **Save** clicked → the panel says "Harvested" (the note is in IndexedDB: the background answered
 *    after its transaction committed) and → the new highlight painted on the page (CSS highlight registered);
 *    each timed inside the page and the panel on one clock, and the note then counted in IndexedDB.
 * After the warm runs, once the warm worker's similarity saves have settled (the signal its test build exposes,
 * lib/build/similarity-signal.ts; bounded wait, the reason printed), the service worker is stopped, and one more
 * harvest measures the first harvest of a new service worker (the saved similarity index and tag counts loaded,
 * not warm), printed with whether that worker loaded the index or rebuilt it.
 * `trace=1` lists every IndexedDB transaction of every extension context alive during each Save → "Harvested"
 * (created / first answer / ended, ms after the click; test builds trace them: lib/db/transaction-trace.ts).
 * Usage: `npm run bench:harvest [-- notes=100000 runs=4]`. Last line: one JSON object.
 */
import { spawnSync } from 'node:child_process';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { pageKey, type Note } from '../lib/model';
import { makeNote } from '../lib/testing/make-note';
import { generateCorpus } from './search-corpus';
import { corpusNote } from './search-notes';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const N = arg('notes', 100_000);
/** Sentences of the article page to harvest, one per harvest: the first warms up, the last is the cold one. */
const SENTENCES: [string, string][] = [
  ['#p1', 'Most slow React screens we profiled were not slow because of React itself.'],
  ['#p2', 'Colocate state with the component that uses it.'],
  ['#p3', 'Reconciliation depends on stable keys.'],
  ['#p5', 'Measure first with the profiler, then fix the one component that dominates the flame graph.'],
  [
    '#p2',
    "When the state of an input lives in the input's own component, typing re-renders one small component instead of the entire dashboard.",
  ],
  [
    '#p3',
    'Using an array index as a key makes React reuse the wrong component instances when items are inserted, which shows up as inputs keeping the wrong values.',
  ],
];
const RUNS = Math.min(arg('runs', SENTENCES.length - 2), SENTENCES.length - 2);
/** Notes already on the page before any harvest (quotes no run harvests). */
const PAGE_QUOTES = [
  'every keystroke in a search box repainted the whole page',
  'useMemo costs memory and a comparison on every render',
  'pays off only when the computation is expensive',
];
process.env.WXT_OUT_DIR ??= '/tmp/commonplace-bench-harvest';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

interface Sample {
  revisitMs: number;
  revisitScriptMs: number;
  panelMs: number;
  ackMs: number;
  paintMs: number;
}

interface Subject {
  label: string;
  context: BrowserContext;
  extensionId: string;
  ext: Page;
  page: Page;
  close(): Promise<void>;
  samples: Sample[];
  cold?: Sample;
  /** How the warm worker's similarity saves ended before it was stopped. */
  settle?: { waitedMs: number; settled: boolean; why: string };
  /** How the new worker's similarity index came: loaded or rebuilt. */
  coldIndex?: string;
}

async function open(label: string, notes: Note[]): Promise<Subject> {
  const { launchWithExtension } = await import('../tests/e2e/fixtures');
  const { seedExtensionDb } = await import('../tests/e2e/digest-seed');
  const launched = await launchWithExtension();
  const ext = await launched.context.newPage();
  // tsx names functions with a helper the page doesn't have; functions sent to page.evaluate need it (the
  // seeder's waitForSchema does).
  await ext.addInitScript('globalThis.__name = (f) => f');
  await ext.goto(`chrome-extension://${launched.extensionId}/note.html?id=none`);
  await ext.getByText('This note does not exist or was deleted.').waitFor();
  const t = performance.now();
  await seedExtensionDb(ext, { notes });
  console.error(`${label}: ${notes.length} notes seeded in ${Math.round(performance.now() - t)} ms`);
  const page = await launched.context.newPage();
  // tsx names functions with a helper the page doesn't have; functions sent to page.evaluate need it.
  await page.addInitScript('globalThis.__name = (f) => f');
  return { label, ...launched, ext, page, samples: [] };
}

/** Navigation start → this page's notes painted, and content-script start → painted, from the marks. */
async function revisit(page: Page, url: string, expected: number) {
  await page.goto(url);
  await page.waitForFunction(
    (n) =>
      performance
        .getEntriesByName('commonplace:painted')
        .some((m) => ((m as PerformanceMark).detail as { painted: number }).painted >= n),
    expected,
    { timeout: 120_000 },
  );
  return page.evaluate(() => {
    const start = performance.getEntriesByName('commonplace:content-start')[0]!;
    const painted = performance.getEntriesByName('commonplace:painted')[0]!;
    return { revisitMs: painted.startTime, revisitScriptMs: painted.startTime - start.startTime };
  });
}

/** Epoch milliseconds on the machine's clock, comparable between the page and the panel's frame. */
const NOW = 'performance.timeOrigin + performance.now()';

async function harvest(
  s: Subject,
  [selector, quote]: [string, string],
  profiler: Profiler | null = null,
): Promise<Omit<Sample, 'revisitMs' | 'revisitScriptMs'>> {
  const { selectWithMouse, capturePanel } = await import('../tests/e2e/pages/harvest-flow');
  const { page } = s;
  await selectWithMouse(page, selector, quote);
  const before = await page.evaluate(
    () => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('commonplace-own')?.size ?? 0,
  );
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Harvest' }).click();
  const panel = capturePanel(page);
  await panel.getByText(quote).waitFor({ timeout: 120_000 });
  const panelMs = performance.now() - t0;
  if (profiler) console.error(`${s.label}: service worker, Harvest clicked -> quote shown\n${await profiler.cut()}`);
  const frame = page.frames().find((f) => f.url().includes('/capture.html')) as Frame;
  // The page watches its highlight registry every frame; the panel notes the click and its "Harvested".
  await page.evaluate(`(() => {
    const layers = CSS.highlights;
    window.__painted = new Promise((resolve) => {
      const check = () => ((layers.get('commonplace-own')?.size ?? 0) > ${before} ? resolve(${NOW}) : requestAnimationFrame(check));
      check();
    });
  })()`);
  await frame.evaluate(`(() => {
    document.addEventListener('click', () => (window.__clicked = ${NOW}), { capture: true, once: true });
    window.__acked = new Promise((resolve) => {
      const seen = () => [...document.querySelectorAll('strong')].some((e) => e.textContent === 'Harvested');
      new MutationObserver((_, o) => seen() && (o.disconnect(), resolve(${NOW}))).observe(document, {
        childList: true, subtree: true, characterData: true,
      });
    });
  })()`);
  const acked = frame.evaluate('window.__acked.then((t) => t - window.__clicked)') as Promise<number>;
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  const ackMs = await acked;
  // Read before profiling or tracing: the panel closes itself a few seconds after "Harvested".
  const clickedAt = Number(await frame.evaluate('window.__clicked'));
  if (profiler) console.error(`${s.label}: service worker, Save clicked -> "Harvested"\n${await profiler.cut()}`);
  if (TRACE)
    console.error(
      `${s.label}: IndexedDB transactions, Save clicked -> "Harvested"\n${await traceSince(s, clickedAt, clickedAt + ackMs)}`,
    );
  const paintedAt = Number(await page.evaluate('window.__painted'));
  return { panelMs, ackMs, paintMs: paintedAt - clickedAt };
}

/** How many notes IndexedDB holds for this page (through its pageKey index: no scan of the store). */
function storedForPage(ext: Page, key: string): Promise<number> {
  return ext.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const idb = req.result;
          const count = idb.transaction('notes').objectStore('notes').index('pageKey').count(key);
          count.onsuccess = () => (idb.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
      }),
    key,
  );
}

const PROFILE = arg('profile', 0) === 1;
/** `trace=1`: every IndexedDB transaction of every extension context alive during each Save → "Harvested". */
const TRACE = arg('trace', 0) === 1;

interface Traced {
  id: number;
  context: string;
  stores: string[];
  mode: string;
  createdAt: number;
  firstAnswerAt?: number;
  endedAt?: number;
  requests: string[];
}

/** Evaluates `expression` in every target of the extension (service worker, offscreen page, shared worker, pages). */
async function evaluateEverywhere(s: Subject, expression: string): Promise<unknown[]> {
  const cdp = await s.context.newCDPSession(s.ext);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const out: unknown[] = [];
  let next = 1;
  const waiting = new Map<number, (r: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result?.result?.value);
  });
  for (const t of targetInfos.filter((t) => t.url.includes(s.extensionId))) {
    // A target can go between the listing and the attach (a frame closed): skipped.
    const attached = (await cdp
      .send('Target.attachToTarget', { targetId: t.targetId, flatten: false })
      .catch(() => null)) as { sessionId: string } | null;
    if (!attached) continue;
    const { sessionId } = attached;
    const id = next++;
    const value = new Promise<unknown>((resolve) => {
      waiting.set(id, resolve);
      setTimeout(() => resolve(undefined), 5000);
    });
    const message = JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message });
    out.push(await value);
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
  await cdp.detach();
  return out;
}

/** The transactions alive between `from` and `to` (epoch ms) in every context, oldest first, as lines. */
async function traceSince(s: Subject, from: number, to: number): Promise<string> {
  const lists = await evaluateEverywhere(s, 'JSON.stringify(globalThis.__commonplaceIdbTrace ?? [])');
  const all = lists.flatMap((l) => (typeof l === 'string' ? (JSON.parse(l) as Traced[]) : []));
  const alive = all
    .filter((t) => t.createdAt <= to && (t.endedAt ?? Infinity) >= from)
    .sort((a, b) => a.createdAt - b.createdAt);
  const ms = (x: number | undefined, base: number) => (x === undefined ? '   -  ' : (x - base).toFixed(0).padStart(6));
  return alive
    .map(
      (t) =>
        `  created ${ms(t.createdAt, from)}  first answer ${ms(t.firstAnswerAt, from)}  ended ${ms(t.endedAt, from)}  (${t.endedAt === undefined ? 'open' : `${(t.endedAt - t.createdAt).toFixed(0)} ms`})  ${t.context} ${t.mode} [${t.stores.join(',')}] ${t.requests.join(' ')}`,
    )
    .join('\n');
}

interface Profiler {
  /** The profile since the last cut (or the start), summarised; profiling goes on from here. */
  cut(): Promise<string>;
  end(): Promise<void>;
}

/**
 * `profile=1`: CPU profiles of the extension's service worker for the last warm harvest and the new worker's
 * harvest, each cut in two (Harvest clicked → the panel shows the quote; Save clicked → "Harvested"), through
 * a page's CDP session (Target.attachToTarget, messages relayed), since Playwright opens CDP sessions on pages
 * only. Prints self and total time by function and by file; `(idle)` is the worker waiting (on IndexedDB).
 */
async function profileServiceWorker(s: Subject): Promise<Profiler> {
  const cdp = await s.context.newCDPSession(s.ext);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
  if (!target) throw new Error('no service worker to profile');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  let next = 1;
  const waiting = new Map<number, (r: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined)
      waiting.get(m.id)?.(m.error ? Promise.reject(new Error(JSON.stringify(m.error))) : m.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 200 });
  await send('Profiler.start');
  return {
    async cut() {
      const { profile } = (await send('Profiler.stop')) as { profile: CpuProfile };
      await send('Profiler.start');
      return summarise(profile);
    },
    async end() {
      await send('Profiler.stop');
      await cdp.detach();
    },
  };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total milliseconds per function and self per file, the top entries of each. */
function summarise(p: CpuProfile): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000));
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const fileSelf = new Map<string, number>();
  const name = (id: number) => {
    const f = byId.get(id)!.callFrame;
    // The column too: a minified bundle puts a whole library on one line.
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    fnSelf.set(name(id), (fnSelf.get(name(id)) ?? 0) + ms);
    const file = f.url.split('/').pop() || f.functionName;
    fileSelf.set(file, (fileSelf.get(file) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const k = name(n);
      if (seen.has(k)) continue; // recursion counts once
      seen.add(k);
      fnTotal.set(k, (fnTotal.get(k) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  const sum = [...self.values()].reduce((a, b) => a + b, 0);
  return `profiled ${sum.toFixed(0)} ms\nself by file:\n${top(fileSelf, 10)}\nself by function:\n${top(fnSelf, 20)}\ntotal by function:\n${top(fnTotal, 25)}`;
}

interface SimilarityState {
  isOpening: boolean;
  isSaveDue: boolean;
  saving: number;
  opened: 'loaded' | 'rebuilt' | null;
}

/** The service worker's similarity state (lib/build/similarity-signal.ts; test builds expose it), if it runs. */
async function similarityState(s: Subject): Promise<SimilarityState | null> {
  const all = await evaluateEverywhere(s, 'JSON.stringify(globalThis.__commonplaceSimilarity ?? null)');
  for (const v of all) {
    const state = typeof v === 'string' ? (JSON.parse(v) as SimilarityState | null) : null;
    if (state) return state;
  }
  return null;
}

/** Longest wait for the warm worker's similarity saves before it is stopped anyway (and why, printed). */
const SETTLE_TIMEOUT_MS = 180_000;

/**
 * Waits until the warm worker has no similarity save due or under way (polling the signal its test build
 * exposes), so the new worker finds the index saved, as a worker started later would: stopped in the middle of a
 * sliced save, the next worker rebuilt it (4.2 s at 100k, issue 19). Bounded; returns how it ended.
 */
async function settleSimilarity(s: Subject): Promise<{ waitedMs: number; settled: boolean; why: string }> {
  const t0 = performance.now();
  let last: SimilarityState | null = null;
  while (performance.now() - t0 < SETTLE_TIMEOUT_MS) {
    last = await similarityState(s);
    if (!last) return { waitedMs: performance.now() - t0, settled: false, why: 'no similarity state in the worker' };
    if (!last.isOpening && !last.isSaveDue && last.saving === 0)
      return { waitedMs: performance.now() - t0, settled: true, why: 'no save due or under way' };
    await new Promise((r) => setTimeout(r, 250)); // the interval between polls of the signal
  }
  return {
    waitedMs: performance.now() - t0,
    settled: false,
    why: `still ${last?.isOpening ? 'opening' : last?.saving ? 'saving' : 'due to save'} after ${SETTLE_TIMEOUT_MS / 1000} s`,
  };
}

/** Waits (bounded) until the new worker has opened its similarity index, and says how: loaded or rebuilt. */
async function howIndexOpened(s: Subject): Promise<string> {
  const t0 = performance.now();
  while (performance.now() - t0 < SETTLE_TIMEOUT_MS) {
    const state = await similarityState(s);
    if (state?.opened) return state.opened;
    await new Promise((r) => setTimeout(r, 250));
  }
  return 'unknown (not opened within the wait)';
}

/** Stops every service worker of the profile (CDP), so the next harvest starts a new one. */
async function stopServiceWorker(s: Subject) {
  const cdp = await s.context.newCDPSession(s.ext);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

async function main() {
  const out = process.env.WXT_OUT_DIR as string;
  console.error(`building the extension into ${out}`);
  // A test build: the content script's paint marks, which this benchmark reads, exist only there.
  const env = { ...process.env, WXT_TEST_HOOKS: '1' };
  if (spawnSync('npx', ['--no-install', 'wxt', 'build'], { stdio: 'ignore', env }).status !== 0) {
    throw new Error('wxt build failed');
  }
  const { startStaticServer } = await import('../tests/e2e/static-server');
  const site = await startStaticServer();
  const url = `${site.origin}/article.html`;
  const key = pageKey(url);
  const page = { url, canonicalUrl: url, title: 'Keeping React renders cheap' };
  const pageNotes = PAGE_QUOTES.map((quote) => makeNote({ quote, page, pageKey: key }));
  const many = generateCorpus(N - pageNotes.length).docs.map(corpusNote);
  const subjects = [await open('floor', pageNotes), await open(`${N} notes`, [...many, ...pageNotes])];
  try {
    for (let r = 0; r <= RUNS; r++) {
      for (const s of subjects) {
        const onPage = PAGE_QUOTES.length + r;
        const v = await revisit(s.page, url, onPage);
        const profiler = PROFILE && r === RUNS ? await profileServiceWorker(s) : null;
        const h = await harvest(s, SENTENCES[r]!, profiler);
        await profiler?.end();
        const stored = await storedForPage(s.ext, key);
        if (stored !== onPage + 1)
          throw new Error(`${s.label}: ${stored} notes stored for the page, not ${onPage + 1}`);
        const sample = { ...v, ...h };
        console.error(
          `${s.label} ${r === 0 ? 'warm-up' : `run ${r}`}: ${JSON.stringify(sample, (_, x) => (typeof x === 'number' ? round(x) : x))}`,
        );
        if (r > 0) s.samples.push(sample);
      }
    }
    for (const s of subjects) {
      const settle = await settleSimilarity(s);
      s.settle = settle;
      console.error(
        `${s.label}: warm worker ${settle.settled ? 'settled' : 'NOT settled'} after ${Math.round(settle.waitedMs)} ms (${settle.why}); stopping it`,
      );
      await stopServiceWorker(s);
      const v = await revisit(s.page, url, PAGE_QUOTES.length + RUNS + 1);
      const profiler = PROFILE ? await profileServiceWorker(s) : null;
      s.cold = { ...v, ...(await harvest(s, SENTENCES[RUNS + 1]!, profiler)) };
      await profiler?.end();
      s.coldIndex = await howIndexOpened(s);
      console.error(
        `${s.label} new service worker (similarity index ${s.coldIndex}): ${JSON.stringify(s.cold, (_, x) => (typeof x === 'number' ? round(x) : x))}`,
      );
    }
  } finally {
    for (const s of subjects) await s.close();
    await site.close();
  }
  const [floor, big] = subjects as [Subject, Subject];
  const keys: [keyof Sample, string][] = [
    ['revisitMs', 'revisit: navigation start -> notes painted'],
    ['revisitScriptMs', 'revisit: content script start -> notes painted'],
    ['panelMs', 'Harvest clicked -> capture panel shows the quote'],
    ['ackMs', 'Save clicked -> "Harvested" (note in IndexedDB)'],
    ['paintMs', 'Save clicked -> new highlight painted'],
  ];
  const figures = Object.fromEntries(
    keys.map(([k]) => [
      k,
      {
        floor: round(median(floor.samples.map((x) => x[k]))),
        ours: round(median(big.samples.map((x) => x[k]))),
        coldFloor: round(floor.cold![k]),
        coldOurs: round(big.cold![k]),
      },
    ]),
  );
  const load = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
  console.log(`\nharvest end to end, ${N} notes vs a store of only this page's notes; medians of ${RUNS} runs`);
  console.log(`load: ${load}`);
  console.log(
    `${'measure (ms)'.padEnd(52)}${'floor'.padStart(9)}${`${N / 1000}k`.padStart(9)}${'new SW floor'.padStart(14)}${`new SW ${N / 1000}k`.padStart(13)}`,
  );
  for (const [k, name] of keys) {
    const f = figures[k]!;
    console.log(
      `${name.padEnd(52)}${String(f.floor).padStart(9)}${String(f.ours).padStart(9)}${String(f.coldFloor).padStart(14)}${String(f.coldOurs).padStart(13)}`,
    );
  }
  for (const s of subjects)
    console.log(
      `${s.label}: new worker Save -> "Harvested" ${round(s.cold!.ackMs)} ms, similarity index ${s.coldIndex}; the warm one ${s.settle!.settled ? 'settled' : 'did NOT settle'} (${s.settle!.why}, waited ${Math.round(s.settle!.waitedMs)} ms)`,
    );
  const fresh = Object.fromEntries(
    subjects.map((s) => [
      s === floor ? 'floor' : 'ours',
      {
        ackMs: round(s.cold!.ackMs),
        index: s.coldIndex,
        settled: s.settle!.settled,
        settleWaitMs: Math.round(s.settle!.waitedMs),
      },
    ]),
  );
  console.log(JSON.stringify({ bench: 'harvest', notes: N, runs: RUNS, load, ...figures, freshWorker: fresh }));
}

await main();
