import { chromium, expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium';

const OUT = resolve(process.env.WXT_OUT_DIR ?? '.output');
const zips = existsSync(OUT) ? readdirSync(OUT).filter((f) => f.endsWith('.zip')) : [];
const chromeZip = zips.find((f) => f.endsWith('-chrome.zip'));

/** The Chrome Web Store package, unpacked as the store would, loaded into real Chromium. */
test('the Chrome package from `npm run zip` loads in Chromium and opens its pages', async () => {
  test.skip(!chromeZip, 'run `npm run zip` (npm test -- build does) to make the packages');
  const files = unzipSync(readFileSync(join(OUT, chromeZip!)));
  expect(Object.keys(files)).toContain('manifest.json');
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-package-'));
  const ext = join(dir, 'extension');
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(ext, name)), { recursive: true });
    writeFileSync(join(ext, name), bytes);
  }
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: findChromium() ?? undefined,
    headless: true,
    args: ['--no-sandbox', ...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(sw.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/options.html`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await expect(page.getByRole('searchbox', { name: /search harvested notes/i })).toBeVisible();
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Firefox package and its sources are made beside it', () => {
  test.skip(!chromeZip, 'run `npm run zip` to make the packages');
  expect(zips.some((f) => f.endsWith('-firefox.zip'))).toBe(true);
  const sources = zips.find((f) => f.endsWith('-sources.zip'));
  expect(sources).toBeDefined();
  const names = Object.keys(unzipSync(readFileSync(join(OUT, sources!))));
  expect(names).toContain('package.json');
  expect(names).toContain('package-lock.json');
  expect(names).toContain('wxt.config.ts');
  expect(names.filter((n) => /^(node_modules|\.output|\.data|reports)\//.test(n))).toEqual([]);
});
