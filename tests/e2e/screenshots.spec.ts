import type { Locator, Page } from '@playwright/test';
import { seedExtensionDb } from './digest-seed';
import { expect, test } from './fixtures';
import { capturePanel, harvestSelection } from './pages/harvest-flow';
import { rebuildSearchIndex } from './pages/popup';
import { SHOT_KV, SHOT_NOW, screenshotNotes } from './screenshot-seed';

/**
 * Each surface in both themes, against committed baselines made in Debian's Chromium: a change that breaks the
 * look fails here. Deterministic: a fixed clock in every page, the same seeded notes, no animations or caret.
 * Update on purpose with `npx playwright test tests/e2e/screenshots.spec.ts --update-snapshots`.
 */
const THEMES = ['light', 'dark'] as const;
const SHOT = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.002 } as const;

async function open(page: Page, url: string) {
  await page.clock.setFixedTime(SHOT_NOW);
  await page.goto(url);
}

async function seeded(page: Page, extensionId: string) {
  await open(page, `chrome-extension://${extensionId}/options.html`); // creates the database
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const notes = screenshotNotes();
  await seedExtensionDb(page, { notes, kv: SHOT_KV });
  return notes;
}

async function bothThemes(page: Page, name: string, target?: Locator, ready?: () => Promise<void>) {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await ready?.();
    if (target) await expect(target).toHaveScreenshot(`${name}-${theme}.png`, SHOT);
    else await expect(page).toHaveScreenshot(`${name}-${theme}.png`, { ...SHOT, fullPage: true });
  }
}

test('options page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await seeded(page, extensionId);
  await page.reload();
  const wiki = page.getByRole('article', { name: 'Wiki page as it will read' });
  await expect(wiki.getByRole('heading', { level: 1 })).toHaveText('#extensions');
  await expect(wiki).not.toContainText('\\');
  // Four groups, and no heading said twice.
  const h2 = await page.locator('main > section > h2').allTextContents();
  expect(h2).toEqual(['Communities', 'Your name', 'Knowledge', 'Import and export']);
  const headings = await page.locator(':is(h1, h2, h3):not(.wiki-page *)').allTextContents();
  expect(headings.length).toBe(new Set(headings).size);
  // The checkbox sits beside its words.
  const sync = page.getByRole('checkbox', { name: 'Sync this community' });
  const box = (await sync.boundingBox())!;
  const words = (await page.getByText('Sync this community', { exact: true }).boundingBox())!;
  expect(words.x - (box.x + box.width)).toBeLessThan(16);
  await bothThemes(page, 'options');
});

test('popup', async ({ context, extensionId, sw }) => {
  const page = await context.newPage();
  await seeded(page, extensionId);
  await rebuildSearchIndex(sw); // the notes were seeded behind the index's back: its tags come from it
  await page.setViewportSize({ width: 440, height: 600 });
  await open(page, `chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('article', { name: /Typing fires an input event/ })).toBeVisible();
  // The tag chips come from a query of their own, after the list: the picture is taken once they are in.
  await expect(page.getByRole('group', { name: 'Filter by tag' }).getByRole('button')).toHaveCount(6);
  await bothThemes(page, 'popup');
});

test('new tab', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await seeded(page, extensionId);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Computed in the page, on the page's fixed clock: the background's digest runs on the real one.
  await open(page, `chrome-extension://${extensionId}/newtab.html?digest=full-scan`);
  await expect(page.locator('main[data-state="ready"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'This week’s harvest' })).toContainText('Debounce the search box');
  // Question states come from a query of their own, after the first paint: the picture waits for them.
  await expect(page.getByRole('region', { name: 'Unanswered questions' })).toContainText('Escalated');
  await bothThemes(page, 'newtab');
});

test('note page', async ({ context, extensionId }) => {
  const page = await context.newPage();
  const [first] = await seeded(page, extensionId);
  await page.setViewportSize({ width: 800, height: 700 });
  await open(page, `chrome-extension://${extensionId}/note.html?id=${first!.id}`);
  await expect(page.getByText('Typing fires an input event per key')).toBeVisible();
  await bothThemes(page, 'note');
});

test('capture panel', async ({ context, site }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await open(page, `${site.origin}/article.html`);
  await harvestSelection(page, '#p2', 'Colocate state with the component that uses it.');
  await expect(capturePanel(page).getByLabel('Takeaway')).toBeVisible();
  const frame = page.locator('iframe[title="Commonplace: harvest to community"]');
  await bothThemes(page, 'capture', frame);
});
