import type { BrowserContext, Page } from '@playwright/test';
import { makeNote } from '../../lib/testing/make-note';
import { pageKey, type Note } from '../../lib/model';
import { seedExtensionDb } from './digest-seed';
import { test, expect } from './fixtures';
import { paintedTexts } from './pages/harvest-flow';

const OWN_QUOTE = 'Colocate state with the component that uses it.';
const COMMUNITY_QUOTE = 'Reconciliation depends on stable keys.';
/** The open card (a card being replaced lingers, inert, until its successor has loaded). */
const CARD = 'iframe[title="Commonplace: note for this highlight"]:not([inert])';

function noteOn(url: string, quote: string, over: Partial<Note>): Note {
  return makeNote({
    quote,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }],
    page: { url, canonicalUrl: url, title: 'Keeping React renders cheap' },
    pageKey: pageKey(url),
    ...over,
  });
}

/** The middle of the first line of a painted highlight, in viewport coordinates. */
function pointOn(page: Page, layer: string) {
  return page.evaluate((name) => {
    const [range] = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [];
    const r = range!.getClientRects()[0]!;
    return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
  }, layer);
}

/** Everything the page's own scripts can read of our UI (the light DOM and our open shadow root). */
const pageVisibleHtml = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.outerHTML +
      [...document.querySelectorAll('commonplace-ui')].map((h) => h.shadowRoot?.innerHTML ?? '').join(''),
  );

/** Seeds one own and one community note for the article page, opens it, and waits for both to be painted. */
async function articleWithNotes(context: BrowserContext, extensionId: string, origin: string) {
  const url = `${origin}/article.html`;
  const own = noteOn(url, OWN_QUOTE, { kind: 'insight', takeaway: 'Keep input state local to the input' });
  const community = noteOn(url, COMMUNITY_QUOTE, {
    kind: 'snippet',
    takeaway: '<b>Use ids as keys</b>, never the index',
    author: { id: 'u-alice', name: 'Alice Archer' },
    communityId: 'c1',
  });
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/note.html?id=none`); // opens (and creates) the database
  await expect(ext.getByText('This note does not exist or was deleted.')).toBeVisible();
  await seedExtensionDb(ext, { notes: [own, community] });
  await ext.close();

  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => paintedTexts(page)).toEqual([OWN_QUOTE]);
  await expect.poll(() => paintedTexts(page, 'commonplace-community')).toEqual([COMMUNITY_QUOTE]);
  return { page, own, community };
}

test('hovering a highlight shows its note (kind, takeaway, author) in an extension card; own and community differ', async ({
  context,
  extensionId,
  site,
}) => {
  const { page } = await articleWithNotes(context, extensionId, site.origin);
  // Own and community highlights are painted differently.
  const rules = await page.evaluate(() =>
    document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
  );
  const look = (name: string) => rules.match(new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`))?.[1];
  expect(look('commonplace-own')).toMatch(/background-color/);
  expect(look('commonplace-community')).toMatch(/background-color/);
  expect(look('commonplace-own')).not.toEqual(look('commonplace-community'));

  // Hover: the card shows kind, takeaway and author, as text; nothing of the note is in the page's DOM.
  const card = page.frameLocator(CARD);
  const p = await pointOn(page, 'commonplace-community');
  await page.mouse.move(p.x, p.y);
  await expect(card.getByText('<b>Use ids as keys</b>, never the index')).toBeVisible();
  await expect(card.getByText('snippet')).toBeVisible();
  await expect(card.getByText('Community · by Alice Archer')).toBeVisible();
  expect(await pageVisibleHtml(page)).not.toContain('Use ids as keys');
  expect(await pageVisibleHtml(page)).not.toContain('Alice');

  // Leaving the highlight (not onto the card) dismisses it.
  await page.mouse.move(5, 5);
  await expect(page.locator(CARD)).toHaveCount(0);

  // A page script faking the shortcut gets nothing.
  await page.evaluate(() =>
    document.dispatchEvent(
      new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyJ', key: 'J', bubbles: true }),
    ),
  );
  await page.waitForTimeout(300);
  await expect(page.locator(CARD)).toHaveCount(0);
});

test('the keyboard steps through highlights with focus on "Open note"; a click shows a card; Open note opens the note', async ({
  context,
  extensionId,
  site,
}) => {
  const { page, community } = await articleWithNotes(context, extensionId, site.origin);
  const card = page.frameLocator(CARD);
  // Keyboard: the next highlight (document order: own first) gets a card with focus on "Open note".
  await page.keyboard.press('Alt+Shift+J');
  await expect(card.getByText('Keep input state local to the input')).toBeVisible();
  await expect(card.getByText('Your note')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Open note' })).toBeFocused();
  await page.keyboard.press('Alt+Shift+J'); // focus is in the card now: it steps on through the background
  await expect(card.getByText('Community · by Alice Archer')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Open note' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator(CARD)).toHaveCount(0);

  // Clicking a highlight shows its card too.
  const q = await pointOn(page, 'commonplace-own');
  await page.mouse.click(q.x, q.y);
  await expect(card.getByText('Your note')).toBeVisible();

  // From the keyboard again, then "Open note" opens the note's own page, with the editor.
  await page.keyboard.press('Alt+Shift+K');
  await expect(card.getByText('Community · by Alice Archer')).toBeVisible();
  const [notePage] = await Promise.all([
    context.waitForEvent('page'),
    card.getByRole('button', { name: 'Open note' }).click(),
  ]);
  await expect(notePage).toHaveURL(new RegExp(`note\\.html\\?id=${community.id}`));
  await expect(notePage.getByText('<b>Use ids as keys</b>, never the index')).toBeVisible();
  await notePage.getByRole('button', { name: 'Edit' }).click();
  await expect(notePage.getByRole('form', { name: 'Edit note' })).toBeVisible();
  await expect(page.locator(CARD)).toHaveCount(0);
});
