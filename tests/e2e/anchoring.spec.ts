import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { capturePanel, expectSaved, paintedTexts, selectWithMouse, tabIdOf } from './pages/harvest-flow';
import type { Page } from '@playwright/test';

const KEYS = 'Reconciliation depends on stable keys.';
const MEASURE = 'Measure first with the profiler, then fix the one component that dominates the flame graph.';

async function harvest(page: Page, selector: string, text: string) {
  await selectWithMouse(page, selector, text);
  await page.getByRole('button', { name: 'Harvest' }).click();
  await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
}

test('the page changes: highlights come back on the right text, a vanished quote is listed as an orphan', async ({
  context,
  sw,
  extensionId,
  site,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/article.html`);
  await harvest(page, '#p3', KEYS);
  await harvest(page, '#p5', MEASURE);
  await expect.poll(() => paintedTexts(page)).toHaveLength(2);

  // Served differently: re-indented, wrapped in new elements, a banner inserted, the last paragraph gone, and
  // a lookalike of it left behind.
  const original = readFileSync('tests/fixtures/pages/article.html', 'utf8');
  const changed = original
    .replace('<article>', '<div class="banner">Sale! Everything must go.</div>\n<main><div class="wrap">\n<article>')
    .replace('</article>', '</article></div></main>')
    .replace(/\n\s+/g, '\n          ')
    .replace(
      /<p id="p5">[\s\S]*?<\/p>/,
      '<p>Measure later with the debugger, then fix whatever component you like.</p>',
    );
  site.override('/article.html', changed);
  await page.reload();
  await expect.poll(() => paintedTexts(page)).toEqual([KEYS]);

  const tabId = await tabIdOf(sw, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: /This page/ }).click();
  await expect(popup.getByRole('heading', { name: 'Orphans (1)' })).toBeVisible();
  await expect(popup.getByRole('article', { name: MEASURE.slice(0, 80) })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Highlighted on this page (1)' })).toBeVisible();
});

test('a single-page app: content that renders late is painted, and pushState navigation repaints', async ({
  context,
  site,
}) => {
  const spa = readFileSync('tests/fixtures/pages/spa.html', 'utf8');
  site.override('/spa/a', spa);
  site.override('/spa/b', spa);
  const QUOTE = 'Pair with a buddy for your first two weeks';

  const page = await context.newPage();
  await page.goto(`${site.origin}/spa/a`);
  await expect(page.locator('#a1')).toBeVisible();
  await harvest(page, '#a1', QUOTE);

  await page.reload(); // the text arrives 700 ms after load
  await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);

  await page.getByRole('link', { name: 'Rituals' }).click();
  await expect(page.locator('#b1')).toBeVisible();
  await expect.poll(() => paintedTexts(page)).toEqual([]);

  await page.goBack();
  await expect(page.locator('#a1')).toBeVisible();
  await expect.poll(() => paintedTexts(page)).toEqual([QUOTE]);
});
