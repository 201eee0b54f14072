/**
 * `WXT_OUT_DIR=/tmp/out-x tsx bench/digest-profile.ts`: where a new tab spends its time (navigation timing, the
 * page's marks, and a V8 CPU profile by function) with N notes. A diagnostic beside bench:digest.
 * COLD=1 profiles the cold tab (no stored digest or index: the first tab after install or a big import) and
 * times, in the same page, what the cold path reads from IndexedDB on its own (the summary rows, this week's
 * whole notes), so the profile's "idle" time can be split between the store and our compute.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { seedStore } from '../lib/testing/digest-seed';
import { activity, clearDigestState } from './digest-page';

const N = Number(process.env.N ?? 1000);
const isCold = process.env.COLD === '1';

/** Raw IndexedDB reads, each timed alone: getAll of every summary store, and of this week's whole notes. */
async function readTimes(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onerror = () => reject(req.error);
        req.onsuccess = async () => {
          const idb = req.result;
          const time = (store: string, range?: IDBKeyRange, index?: string) =>
            new Promise<number>((done, fail) => {
              const t0 = performance.now();
              const os = idb.transaction(store).objectStore(store);
              const get = (index ? os.index(index) : os).getAll(range);
              get.onsuccess = () => {
                const rows = get.result.length;
                done(Math.round(performance.now() - t0) + rows / 1e6);
              };
              get.onerror = () => fail(get.error);
            });
          const out: Record<string, number> = {};
          for (const store of ['noteSummaries', 'summaryBuckets']) {
            if (idb.objectStoreNames.contains(store)) out[`${store} getAll ms`] = await time(store);
          }
          const week = IDBKeyRange.lowerBound(Date.now() - 7 * 86_400_000);
          out['notes of the last 7 days getAll ms'] = await time('notes', week, 'createdAt');
          out['all notes getAll ms'] = await time('notes');
          idb.close();
          resolve(out);
        };
      }),
  );
}

async function main() {
  const l = await launchWithExtension();
  try {
    const page = await l.context.newPage();
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const url = `chrome-extension://${l.extensionId}/newtab.html`;
    await page.goto(url);
    await page.locator('main[data-state="ready"]').waitFor();
    const notes = seedStore(N, Date.now() - 60_000, 365, N);
    await seedExtensionDb(page, { notes, ...activity(notes, Date.now()) });
    await l.sw.evaluate('globalThis.commonplaceDigest.refresh()');
    const cdp = await l.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const runs = isCold ? 3 : 6;
    for (let i = 0; i < runs; i++) {
      if (isCold) await clearDigestState(page);
      if (i === runs - 1) await cdp.send('Profiler.start');
      await page.goto(url);
      await page.locator('main[data-state="ready"]').waitFor({ timeout: 120_000 });
      const r = await page.evaluate(async () => {
        for (let k = 0; k < 2000 && !performance.getEntriesByName('digest-complete').length; k++)
          await new Promise((w) => setTimeout(w, 10));
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const at = (name: string) => Math.round(performance.getEntriesByName(name)[0]?.startTime ?? NaN);
        return {
          responseEnd: Math.round(nav.responseEnd),
          domInteractive: Math.round(nav.domInteractive),
          dcl: Math.round(nav.domContentLoadedEventEnd),
          fcp: at('first-contentful-paint'),
          start: at('digest-start'),
          read: at('digest-read'),
          rendered: at('digest-rendered'),
          nodes: document.querySelectorAll('*').length,
          complete: at('digest-complete'),
        };
      });
      console.log(JSON.stringify(r));
    }
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    (profile.samples ?? []).forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
      const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
      total += ms;
      self.set(key, (self.get(key) ?? 0) + ms);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`profiled ${Math.round(total)} ms; self ms`, JSON.stringify(top.map(([k, v]) => [k, Math.round(v)])));
    if (isCold) console.log('raw IndexedDB reads', JSON.stringify(await readTimes(page)));
  } finally {
    await l.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
