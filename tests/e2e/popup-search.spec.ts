import type { Page, Worker } from '@playwright/test';
import { generateCorpus } from '../../bench/search-corpus';
import { corpusNote } from '../../bench/search-notes';
import { SearchIndex, toSearchDoc } from '../../lib/search';
import { seedExtensionDb } from './digest-seed';
import { expect, test } from './fixtures';
import { rebuildSearchIndex, shownIds } from './pages/popup';

const N = 5000;

/** Seeds N corpus notes behind the write hooks' back, then has the extension rebuild its saved index. */
async function seed(page: Page, sw: Worker, extensionId: string) {
  const notes = generateCorpus(N).docs.map(corpusNote);
  await page.goto(`chrome-extension://${extensionId}/options.html`); // creates the database
  await seedExtensionDb(page, { notes });
  await rebuildSearchIndex(sw);
  return notes;
}

test('popup search over 5k notes: the newest first, then for every query what the pure index answers', async ({
  context,
  sw,
  extensionId,
}) => {
  test.setTimeout(240_000);
  const page = await context.newPage();
  const notes = await seed(page, sw, extensionId);
  const pure = SearchIndex.build(notes.map((n) => toSearchDoc(n, { thanks: 0 })));
  const expected = (q: string) => pure.search(q, { limit: 20, now: Date.now() }).map((h) => h.id);

  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const newest = [...notes].sort((a, b) => b.createdAt - a.createdAt).slice(0, 20);
  await expect.poll(() => shownIds(page)).toEqual(newest.map((n) => n.id));

  const box = page.getByRole('searchbox', { name: 'Search harvested notes' });
  await expect(box).toBeFocused();
  // Exact words, a prefix as typed, a typo, a filter, an exclusion: typed key by key, like a user.
  for (const q of ['kubernetes cluster', 'deplo', 'kubernets', 'databse schema', 'tag:them docker', 'react -hooks']) {
    await box.fill('');
    await box.pressSequentially(q, { delay: 20 });
    const want = expected(q);
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => shownIds(page), { message: q }).toEqual(want);
  }
  // The words found are marked in the cards (they follow the list by a moment): a typo's closest word too.
  await expect(page.getByRole('article').first().locator('mark').first()).toHaveText(/react/i);
  // A keystroke's list draws the cards on screen first and the rest right after: every card is there to reach
  // by keyboard, and the selected one is scrolled into view.
  const cards = page.getByRole('list', { name: 'Harvested notes' }).getByRole('article');
  await expect(cards).toHaveCount(20);
  for (let i = 0; i < 15; i++) await box.press('ArrowDown');
  await expect(cards.nth(15)).toHaveAttribute('aria-current', 'true');
  await expect(cards.nth(15)).toBeInViewport();
  await expect(cards.first()).not.toBeInViewport();

  // A delete through the popup leaves the host's index too: the note is gone from the next answer.
  await box.fill('');
  await box.pressSequentially('kubernetes cluster', { delay: 20 });
  const [first] = expected('kubernetes cluster');
  await expect.poll(() => shownIds(page)).toContain(first);
  await page.getByRole('article').first().getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Note deleted.')).toBeVisible();
  pure.remove(first!);
  await box.fill('');
  await box.pressSequentially('kubernetes cluster', { delay: 20 });
  await expect.poll(() => shownIds(page)).toEqual(expected('kubernetes cluster'));
  expect(await shownIds(page)).not.toContain(first);

  // The new tab asks the same host and lists the notes it answers with, best first (it reads no row itself).
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/newtab.html`);
  const tabBox = tab.getByRole('searchbox', { name: 'Search harvested notes' });
  await tabBox.pressSequentially('kubernetes cluster', { delay: 20 });
  const byId = new Map(notes.map((n) => [n.id, n]));
  const titles = expected('kubernetes cluster')
    .slice(0, 8)
    .map((id) => byId.get(id)!)
    .map((n) => n.takeaway || n.quote || n.page.title);
  await expect(tab.getByRole('list', { name: 'Search results' }).getByRole('button')).toHaveText(titles);
});
