import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeNote } from '../../lib/testing/make-note';
import { testMembership } from '../../lib/testing/membership';
import { pageKey, type Note } from '../../lib/model';
import { EXTENSION_PAGES_CSP } from '../../lib/build/csp';
import { seedExtensionDb } from './digest-seed';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { paintedTexts, selectWithMouse } from './pages/harvest-flow';

/**
 * What a hostile page can learn from, or drive in, the extension as users get it: these tests build the
 * production extension themselves (no test hooks), into a folder of their own.
 */
const PROD = join(mkdtempSync(join(tmpdir(), 'commonplace-prod-')), 'out');
const PROD_EXT = join(PROD, 'chrome-mv3');
const QUOTE = 'Colocate state with the component that uses it.';
const TAKEAWAY = 'Keep input state local to the input';

test.beforeAll(() => {
  test.setTimeout(240_000);
  const env = { ...process.env, WXT_OUT_DIR: PROD, WXT_TEST_HOOKS: '' };
  const built = spawnSync('npx', ['--no-install', 'wxt', 'build'], { env, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`production build failed:\n${built.stdout}\n${built.stderr}`);
  expect(isTestBuild(PROD_EXT)).toBe(false);
});
test.afterAll(() => rmSync(join(PROD, '..'), { recursive: true, force: true }));

function noteOn(url: string): Note {
  return makeNote({
    kind: 'insight',
    quote: QUOTE,
    takeaway: TAKEAWAY,
    selectors: [{ type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' }],
    page: { url, canonicalUrl: url, title: 'Keeping React renders cheap' },
    pageKey: pageKey(url),
  });
}

/** The production extension in a fresh profile, with `rows` in its database. */
async function launchProd(rows: Parameters<typeof seedExtensionDb>[1] = {}) {
  const ext = await launchWithExtension(PROD_EXT);
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/note.html?id=none`); // opens (and creates) the database
  await expect(page.getByText('This note does not exist or was deleted.')).toBeVisible();
  await seedExtensionDb(page, rows);
  await page.close();
  return ext;
}

/** The article page with its note painted (CSS.highlights: what a page can always see, by nature). */
async function articleWithHighlight(ext: Awaited<ReturnType<typeof launchProd>>, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
  return page;
}

test('the production build: nothing to probe in the page (closed shadow root, no marks, framed pages not fetchable)', async ({
  site,
}) => {
  const url = `${site.origin}/article.html`;
  const ext = await launchProd({ notes: [noteOn(url)] });
  try {
    const page = await articleWithHighlight(ext, url);
    await selectWithMouse(page, '#p3', 'Reconciliation depends on stable keys.');
    // Our UI is on the page now (the Harvest button), but the page's scripts cannot reach into it.
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('commonplace-ui').length)).toBe(1);
    const seen = await page.evaluate(async (id) => {
      const probe = async (path: string) => {
        try {
          return (await fetch(`chrome-extension://${id}/${path}`)).status;
        } catch {
          return 'refused';
        }
      };
      return {
        shadowRoot: document.querySelector('commonplace-ui')!.shadowRoot,
        marks: performance
          .getEntries()
          .map((e) => e.name)
          .filter((n) => n.includes('commonplace')),
        capture: await probe('capture.html'),
        card: await probe('highlight-card.html'),
      };
    }, ext.extensionId);
    expect(seen).toEqual({ shadowRoot: null, marks: [], capture: 'refused', card: 'refused' });
  } finally {
    await ext.close();
  }
});

test('the production build ships no test hooks, and its pages run no inline script under an explicit CSP', () => {
  const files = readdirSync(PROD_EXT, { recursive: true, encoding: 'utf8' });
  const content = files.filter((f) => f.startsWith('content-scripts/') && f.endsWith('.js'));
  expect(content.length).toBeGreaterThan(0);
  for (const f of content) {
    const js = readFileSync(join(PROD_EXT, f), 'utf8');
    expect(js, f).not.toContain('chat:testHost');
    expect(js, f).not.toContain('commonplace:painted');
    expect(js, f).not.toMatch(/performance\.mark\(/);
  }
  const pages = files.filter((f) => f.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(5);
  for (const f of pages) {
    const html = readFileSync(join(PROD_EXT, f), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length, f).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs, f).toMatch(/\bsrc=/);
      expect(body!.trim(), f).toBe('');
    }
    expect(html, f).not.toMatch(/\son[a-z]+=/i); // no inline handlers either
  }
  const manifest = JSON.parse(readFileSync(join(PROD_EXT, 'manifest.json'), 'utf8'));
  expect(manifest.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
  expect(EXTENSION_PAGES_CSP).toBe("script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
  expect(manifest.web_accessible_resources).toEqual([
    {
      resources: ['capture.html', 'highlight-card.html'],
      matches: ['http://*/*', 'https://*/*'],
      use_dynamic_url: true,
    },
  ]);
});

test('a page that frames the highlight card for a note id gets nothing, and a click on it opens nothing', async ({
  site,
}) => {
  const url = `${site.origin}/article.html`;
  const note = noteOn(url);
  const ext = await launchProd({ notes: [note] });
  try {
    const page = await articleWithHighlight(ext, url);
    const fixed = `chrome-extension://${ext.extensionId}/highlight-card.html`;
    const dynamic = await ext.sw.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } };
      return chrome.runtime.getURL('/highlight-card.html');
    });
    expect(dynamic).not.toBe(fixed);
    // Even a page that somehow learnt the per-session address has no one-time code: ids and guesses fail.
    const tries = [`${fixed}?id=${note.id}`, `${dynamic}?id=${note.id}`, `${dynamic}?code=${note.id}`];
    await page.evaluate((srcs) => {
      for (const src of srcs) {
        const f = document.createElement('iframe');
        f.src = src;
        f.className = 'bait';
        f.style.cssText = 'width:320px;height:132px;opacity:0.01';
        document.body.prepend(f);
      }
    }, tries);
    const baits = () => page.frames().filter((f) => f.url().includes('highlight-card.html'));
    await expect.poll(() => baits().length).toBe(2); // the fixed address does not load at all
    for (const frame of baits()) {
      await expect(frame.getByText('This note is no longer available.')).toBeVisible();
      expect(await frame.locator('body').innerText()).not.toContain(TAKEAWAY);
    }
    const tabs = ext.context.pages().length;
    for (const bait of await page.locator('iframe.bait').all()) await bait.click();
    await page.waitForTimeout(1000); // a note page would have opened by now
    expect(ext.context.pages().length).toBe(tabs);

    // The real card, which the content script registered a code for, still shows the note.
    const point = await page.evaluate(() => {
      const [range] = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('commonplace-own')!;
      const r = range!.getClientRects()[0]!;
      return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await page.mouse.move(point.x + 2, point.y);
    await expect.poll(() => baits().length).toBe(3);
    const card = baits().find((f) => f.url().includes('code=') && !f.url().includes(note.id))!;
    await expect(card.getByText(TAKEAWAY)).toBeVisible();
  } finally {
    await ext.close();
  }
});

test('"sync now" from a content script is refused; from an extension page it runs', async ({ site }) => {
  let hits = 0;
  const endpoint: Server = createServer((_req, res) => {
    hits++;
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable","message":"x"}}');
  });
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));
  const port = (endpoint.address() as { port: number }).port;
  // Backing off for an hour: only a forced sync ("sync now") would call the endpoint.
  const member = testMembership({ endpoint: `http://127.0.0.1:${port}`, notBefore: Date.now() + 3600_000 });
  const ext = await launchProd({ kv: [{ key: `sync:member:${member.communityId}`, value: member }] });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${site.origin}/article.html`);
    // Run code in the content script's own world, as a page that found a way into it could.
    const cdp = await ext.context.newCDPSession(page);
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => worlds.some((w) => w.auxData?.type === 'isolated' && w.name === 'Commonplace')).toBe(true);
    const world = worlds.find((w) => w.auxData?.type === 'isolated' && w.name === 'Commonplace')!;
    const sendSyncNow = `new Promise((resolve) => chrome.runtime.sendMessage(
      { id: 1, type: 'syncNow', timestamp: Date.now() }, (answer) => resolve(JSON.stringify(answer ?? null))))`;
    const fromContent = await cdp.send('Runtime.evaluate', {
      expression: sendSyncNow,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    expect(JSON.parse(fromContent.result.value as string)).toEqual({ res: [] });
    await page.waitForTimeout(1000); // a sync it started would have called by now
    expect(hits).toBe(0);

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const fromPage = JSON.parse(await options.evaluate(sendSyncNow));
    expect(fromPage.res).toEqual([expect.objectContaining({ communityId: member.communityId, status: 'failed' })]);
    expect(hits).toBeGreaterThan(0);
  } finally {
    await ext.close();
    await new Promise((r) => endpoint.close(r));
  }
});
