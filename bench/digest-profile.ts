/**
 * `WXT_OUT_DIR=/tmp/out-x tsx bench/digest-profile.ts`: where a new tab spends its time (navigation timing, the
 * page's marks, and a V8 CPU profile by function) with N notes. A diagnostic beside bench:digest.
 * COLD=1 profiles the cold tab (no stored digest or index: the first tab after install or a big import) and
 * times, in the same page, what the cold path reads from IndexedDB on its own (the summary rows, this week's
 * whole notes), so the profile's "idle" time can be split between the store and our compute. With COLD=1 it also
 * prints each run's cold-path marks (lib/db/trace-mark.ts) and the page's IndexedDB transactions (test builds'
 * transaction trace: when each was created, each request answered, it ended); TRACE=1 traces the last run with
 * Chromium's tracing instead of the CPU profiler and prints the main thread phase by phase (digest-cold-trace.ts).
 * SETTLE_MS (default 15000) lets the background finish its start-up work on the seeded store first.
 */
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { seedStore } from '../lib/testing/digest-seed';
import { activity, clearDigestState } from './digest-page';
import { traced } from './chromium-trace';
import { COLD_CATEGORIES, COLD_MARKS, coldPhases } from './digest-cold-trace';

const N = Number(process.env.N ?? 1000);
const isCold = process.env.COLD === '1';
const isTraced = process.env.TRACE === '1';
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 15_000);
const MARKS = COLD_MARKS;

/** The page's IndexedDB transactions (test builds), ms from navigation: created, each answer, ended. */
async function pageTransactions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type T = {
      stores: string[];
      mode: string;
      createdAt: number;
      endedAt?: number;
      requests: string[];
      answeredAt?: number[];
    };
    const list = (globalThis as { __commonplaceIdbTrace?: T[] }).__commonplaceIdbTrace ?? [];
    const ms = (t: number | undefined) => (t === undefined ? '-' : String(Math.round(t - performance.timeOrigin)));
    return list.map(
      (t) =>
        `${ms(t.createdAt)}→${ms(t.endedAt)} ${t.mode} [${t.stores.join(',')}] ` +
        t.requests.map((r, i) => `${r}@${ms(t.answeredAt?.[i])}`).join(' '),
    );
  });
}

/**
 * Raw IndexedDB reads, each timed alone in its own transaction (median of 3): the cold read's parts (the summary
 * rows, the log, the notes' count, the three together as the cold read makes them), the other reads' biggest
 * (this week's whole notes, the trend weeks' events, the thanks' keys), and every note for scale.
 */
async function readTimes(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const req = indexedDB.open('commonplace');
        req.onerror = () => reject(req.error);
        req.onsuccess = async () => {
          const idb = req.result;
          type Ask = (os: (name: string) => IDBObjectStore) => IDBRequest[];
          const once = (stores: string[], ask: Ask) =>
            new Promise<number>((done, fail) => {
              const t0 = performance.now();
              const tx = idb.transaction(stores);
              const reqs = ask((name) => tx.objectStore(name));
              let left = reqs.length;
              for (const r of reqs) {
                r.onsuccess = () => {
                  if (--left === 0) done(performance.now() - t0);
                };
                r.onerror = () => fail(r.error);
              }
            });
          const time = async (stores: string[], ask: Ask) => {
            const runs = [await once(stores, ask), await once(stores, ask), await once(stores, ask)];
            return Math.round(runs.sort((x, y) => x - y)[1]!);
          };
          const day = 86_400_000;
          const out: Record<string, number> = {};
          out['summaryBuckets getAll'] = await time(['summaryBuckets'], (os) => [os('summaryBuckets').getAll()]);
          out['summaryLog getAll'] = await time(['summaryLog'], (os) => [os('summaryLog').getAll()]);
          out['notes count'] = await time(['notes'], (os) => [os('notes').count()]);
          out['notes getAllKeys'] = await time(['notes'], (os) => [os('notes').getAllKeys()]);
          out['buckets + log + count, one transaction'] = await time(
            ['summaryBuckets', 'summaryLog', 'notes'],
            (os) => [os('summaryBuckets').getAll(), os('summaryLog').getAll(), os('notes').count()],
          );
          // The cold read with and without the notes' count, alternated (medians of 7 each): what the kept
          // fingerprint saves before the paint.
          const withCount: number[] = [];
          const without: number[] = [];
          for (let i = 0; i < 7; i++) {
            withCount.push(
              await once(['summaryBuckets', 'summaryLog', 'notes', 'kv'], (os) => [
                os('kv').get('digest:seq'),
                os('summaryBuckets').getAll(),
                os('summaryLog').getAll(),
                os('notes').count(),
              ]),
            );
            without.push(
              await once(['summaryBuckets', 'summaryLog', 'notes', 'kv'], (os) => [
                os('kv').get('similarity:live'),
                os('summaryBuckets').getAll(),
                os('summaryLog').getAll(),
              ]),
            );
          }
          const med = (xs: number[]) => Math.round(xs.sort((x, y) => x - y)[3]!);
          out['cold read with the count (7 alternated)'] = med(withCount);
          out['cold read without it (7 alternated)'] = med(without);
          const week = IDBKeyRange.lowerBound(Date.now() - 7 * day);
          out['notes of the last 7 days getAll'] = await time(['notes'], (os) => [
            os('notes').index('createdAt').getAll(week),
          ]);
          const weeks = IDBKeyRange.lowerBound(Date.now() - 13 * 7 * day);
          out['events of 13 weeks getAll'] = await time(['events'], (os) => [os('events').index('at').getAll(weeks)]);
          out['thanks getAllKeys'] = await time(['thanks'], (os) => [os('thanks').getAllKeys()]);
          out['all notes getAll'] = await time(['notes'], (os) => [os('notes').getAll()]);
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
    await page.waitForTimeout(SETTLE_MS);
    const cdp = await l.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const runs = isCold ? 5 : 6;
    let phases: string[] = [];
    for (let i = 0; i < runs; i++) {
      if (isCold) await clearDigestState(page);
      const isLast = i === runs - 1;
      if (isLast && !isTraced) await cdp.send('Profiler.start');
      const load = async () => {
        await page.goto(url);
        await page.locator('main[data-state="ready"]').waitFor({ timeout: 120_000 });
        await page.waitForFunction(() => performance.getEntriesByName('digest-complete').length > 0);
      };
      if (isLast && isTraced) phases = coldPhases((await traced(cdp, COLD_CATEGORIES, load)).events);
      else await load();
      const r = await page.evaluate(async (marks) => {
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
          marks: marks.map((m) => `${m.replace('digest-', '')} ${at(m)}`).join(', '),
        };
      }, MARKS);
      console.log(JSON.stringify(r));
      if (isCold) for (const line of await pageTransactions(page)) console.log(`  idb ${line}`);
    }
    for (const line of phases) console.log(`  phase ${line}`);
    if (isCold) console.log('raw IndexedDB reads, ms', JSON.stringify(await readTimes(page)));
    if (isTraced) return;
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
  } finally {
    await l.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
