/**
 * `WXT_OUT_DIR=/tmp/out-x tsx bench/digest-profile.ts`: where a warm new tab spends its time (navigation
 * timing, the page's marks, and a V8 CPU profile by script) with N notes. A diagnostic beside bench:digest.
 */
import { launchWithExtension } from '../tests/e2e/fixtures';
import { seedExtensionDb } from '../tests/e2e/digest-seed';
import { seedStore } from '../lib/testing/digest-seed';
import { activity } from './digest-page';

const N = Number(process.env.N ?? 1000);

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
    for (let i = 0; i < 6; i++) {
      if (i === 5) await cdp.send('Profiler.start');
      await page.goto(url);
      await page.locator('main[data-state="ready"]').waitFor({ timeout: 120_000 });
      const r = await page.evaluate(() => {
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
    (profile.samples ?? []).forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log('self ms', JSON.stringify(top.map(([k, v]) => [k, Math.round(v)])));
  } finally {
    await l.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
