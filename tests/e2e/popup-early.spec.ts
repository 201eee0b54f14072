import type { Page } from '@playwright/test';
import { generateCorpus } from '../../bench/search-corpus';
import { corpusNote } from '../../bench/search-notes';
import { SearchIndex, toSearchDoc } from '../../lib/search';
import { seedExtensionDb } from './digest-seed';
import { expect, test } from './fixtures';
import { rebuildSearchIndex, shownIds } from './pages/popup';

/**
 * Records, in the popup page, what the early paint (plain DOM, before React) and React's takeover looked like:
 * whether cards were on screen before React, the most cards ever shown for one note (duplicates), the most
 * cards at once, how many keys were typed into the early box, and when React's page replaced it.
 */
const RECORD = () => {
  const w = window as unknown as {
    rec: { sawEarly: boolean; maxSameId: number; maxCards: number; earlyKeys: number; takeoverAt?: number };
  };
  w.rec = { sawEarly: false, maxSameId: 0, maxCards: 0, earlyKeys: 0 };
  document.addEventListener('keydown', () => document.activeElement?.id === 'early-search' && w.rec.earlyKeys++, true);
  new MutationObserver(() => {
    const ids = [...document.querySelectorAll('article')].map((a) => a.id);
    const isEarly = !!document.getElementById('early-search');
    if (ids.length && isEarly) w.rec.sawEarly = true;
    if (w.rec.sawEarly && !isEarly) w.rec.takeoverAt ??= performance.now();
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    w.rec.maxSameId = Math.max(w.rec.maxSameId, ...counts.values());
    w.rec.maxCards = Math.max(w.rec.maxCards, ids.length);
  }).observe(document, { childList: true, subtree: true });
};

test('popup: the newest notes before React, then React takes over without duplicates or lost keys', async ({
  context,
  sw,
  extensionId,
}) => {
  test.setTimeout(120_000);
  const notes = generateCorpus(400).docs.map(corpusNote);
  const seedPage = await context.newPage();
  await seedPage.goto(`chrome-extension://${extensionId}/options.html`); // creates the database
  await seedExtensionDb(seedPage, { notes });
  await rebuildSearchIndex(sw);
  const pure = SearchIndex.build(notes.map((n) => toSearchDoc(n, { thanks: 0 })));
  const newest = [...notes].sort((a, b) => b.createdAt - a.createdAt).slice(0, 20);

  const page = await context.newPage();
  await page.addInitScript(RECORD);
  // React's code is held back until the early page has answered what was typed: it must carry the list and
  // the typing on its own until then.
  let releaseReact = () => {};
  const reactHeld = new Promise<void>((resolve) => (releaseReact = resolve));
  let isReactHeld = false;
  await context.route(/\/chunks\/main-[^/]*\.js$/, async (route) => {
    isReactHeld = true;
    await reactHeld;
    await route.continue();
  });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await page.locator('article').first().waitFor();
  const query = 'kubernetes cluster';
  await page.keyboard.type(query, { delay: 20 });
  const want = pure.search(query, { limit: 20, now: Date.now() }).map((h) => h.id);
  expect(want.length).toBeGreaterThan(0);
  // Answered before React: straight from the search host, the same notes the pure index finds.
  await expect.poll(() => shownIds(page)).toEqual(want);
  await expect(page.locator('#early-search')).toHaveCount(1);
  await expect.poll(() => isReactHeld).toBe(true); // React boots at the first pause in typing
  releaseReact();

  const box = page.getByRole('searchbox', { name: 'Search harvested notes' });
  await expect(page.locator('#early-search')).toHaveCount(0);
  await expect(box).toHaveValue(query);
  await expect(box).toBeFocused();
  await expect.poll(() => shownIds(page)).toEqual(want);

  const rec = await page.evaluate(() => (window as unknown as { rec: Record<string, number | boolean> }).rec);
  // What was typed was answered before React was up, by the early search (straight from the search host).
  const earlyAnswers = await page.evaluate(
    ([q, at]) =>
      performance.getEntriesByName('commonplace:results').filter((m) => {
        const typed = String((m as PerformanceMark).detail);
        return typed !== '' && q.startsWith(typed) && m.startTime < at;
      }).length,
    [query, rec.takeoverAt as number] as const,
  );
  test.info().annotations.push({ type: 'takeover', description: JSON.stringify(rec) });
  expect(rec.sawEarly).toBe(true);
  expect(rec.maxSameId).toBe(1);
  expect(rec.maxCards).toBeLessThanOrEqual(20);
  expect(rec.earlyKeys).toBeGreaterThan(0);
  expect(earlyAnswers).toBeGreaterThan(0);
  // The space after "kubernetes" asked the host nothing new: that word was searched once.
  const searchedWord = await page.evaluate(
    () =>
      performance
        .getEntriesByName('commonplace:search')
        .filter((m) => (m as PerformanceMeasure).detail === 'kubernetes').length,
  );
  expect(searchedWord).toBe(1);

  // Keyboard works on React's list; clearing the query shows the newest again, in order.
  await page.keyboard.press('Escape');
  await expect.poll(() => shownIds(page)).toEqual(newest.map((n) => n.id));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('article').nth(1)).toHaveAttribute('aria-current', 'true');

  // Typed into React's box, each query is asked of the host once: the search sent from the input event (before
  // React renders the text) is the one whose answer the list shows; the hook's effect does not ask again. Typed
  // with no pause, so the space after "react" comes before that word's answer: it asks nothing again either.
  const second = 'react hooks';
  const wantSecond = pure.search(second, { limit: 20, now: Date.now() }).map((h) => h.id);
  expect(wantSecond.length).toBeGreaterThan(0);
  const from = await page.evaluate(() => performance.now());
  await box.pressSequentially(second);
  await expect.poll(() => shownIds(page)).toEqual(wantSecond);
  const asked = await page.evaluate(
    (since) =>
      performance
        .getEntriesByName('commonplace:host')
        .filter((m) => m.startTime >= since && (m as PerformanceMeasure).detail?.type === 'searchNotes').length,
    from,
  );
  expect(asked).toBe(new Set([...second].map((_, i) => second.slice(0, i + 1).trim())).size);
});

test('what the user does before React is up is not lost: a click on an early card, a key in the early box', async ({
  context,
  extensionId,
}) => {
  const notes = generateCorpus(60).docs.map(corpusNote);
  const seedPage = await context.newPage();
  await seedPage.goto(`chrome-extension://${extensionId}/options.html`); // creates the database
  await seedExtensionDb(seedPage, { notes });
  const newest = [...notes].sort((a, b) => b.createdAt - a.createdAt);

  let release = () => {};
  await context.route(/\/chunks\/main-[^/]*\.js$/, async (route) => {
    await new Promise<void>((resolve) => (release = resolve));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  // "Edit" on the second early card: React's boot starts, the click waits for it and lands on the same card.
  const second = page.getByRole('article').nth(1);
  await expect(second).toHaveAttribute('id', `note-${newest[1]!.id}`);
  await second.getByRole('button', { name: 'Edit' }).click();
  await expect(page.locator('#early-search')).toHaveCount(1);
  release();
  await expect(page.getByRole('form', { name: 'Edit note' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit note' }).getByLabel('Takeaway')).toHaveValue(
    newest[1]!.takeaway ?? '',
  );

  // ArrowDown in the early box moves React's selection once it is up.
  const again = await context.newPage();
  await again.goto(`chrome-extension://${extensionId}/popup.html`);
  await again.locator('article').first().waitFor();
  await again.keyboard.press('ArrowDown');
  await expect(again.locator('#early-search')).toHaveCount(1);
  release();
  await expect(again.locator('#early-search')).toHaveCount(0);
  await expect(again.getByRole('article').nth(1)).toHaveAttribute('aria-current', 'true');
});

/** Records the cards of the popup's first frame with any (their ids, and when), and the most cards per note. */
const FIRST_FRAME = () => {
  const w = window as unknown as { first: { ids?: string[]; at?: number; maxSameId: number } };
  w.first = { maxSameId: 0 };
  new MutationObserver(() => {
    const ids = [...document.querySelectorAll('article')].map((a) => a.id.replace(/^note-/, ''));
    if (ids.length && !w.first.ids) w.first = { ...w.first, ids, at: performance.now() };
    w.first.maxSameId = Math.max(w.first.maxSameId, ...ids.map((id) => ids.filter((x) => x === id).length));
  }).observe(document, { childList: true, subtree: true });
};

const snapshotIds = (page: Page) =>
  page.evaluate(
    () =>
      (
        JSON.parse(localStorage.getItem('commonplace:newest-cards') ?? 'null') as { cards: { id: string }[] } | null
      )?.cards.map((c) => c.id) ?? null,
  );

test('the first frame shows the cards stored at the last open, before the read; the read corrects them in place', async ({
  context,
  extensionId,
}) => {
  const popup = `chrome-extension://${extensionId}/popup.html`;
  const corpus = generateCorpus(33).docs.map(corpusNote);
  const notes = corpus.slice(0, 30);
  const seedPage = await context.newPage();
  await seedPage.goto(`chrome-extension://${extensionId}/options.html`); // creates the database
  await seedExtensionDb(seedPage, { notes });
  const byAge = (list: typeof notes) => [...list].sort((a, b) => b.createdAt - a.createdAt).map((n) => n.id);

  const first = await context.newPage();
  await first.goto(popup);
  await first.locator('article').first().waitFor();
  // Each open stores its newest cards for the next one's first frame.
  await expect.poll(() => snapshotIds(first)).toEqual(byAge(notes).slice(0, 20));
  await first.close();

  // Harvested behind the background's back (no write hook runs, so nothing refreshes the snapshot): the next
  // open's snapshot is out of date by three notes.
  const newest = Math.max(...notes.map((n) => n.createdAt));
  const later = corpus.slice(30).map((n, i) => ({ ...n, createdAt: newest + 1000 * (i + 1) }));
  await seedExtensionDb(seedPage, { notes: later });
  const want = byAge([...notes, ...later]).slice(0, 20);

  const page = await context.newPage();
  await page.addInitScript(FIRST_FRAME);
  await page.goto(popup);
  await expect.poll(() => shownIds(page)).toEqual(want);
  const seen = await page.evaluate(() => {
    const w = window as unknown as { first: { ids: string[]; at: number; maxSameId: number } };
    const read = performance.getEntriesByName('commonplace:rows').find((m) => (m as PerformanceMeasure).detail === '')!;
    const painted = performance
      .getEntriesByName('commonplace:early-paint')
      .map((m) => (m as PerformanceMeasure).detail);
    return { ...w.first, readBackAt: read.startTime + read.duration, painted };
  });
  expect(seen.ids).toEqual(byAge(notes).slice(0, 20)); // the stored cards: what the last open showed
  expect(seen.at).toBeLessThan(seen.readBackAt); // on screen before IndexedDB answered
  expect(seen.painted).toEqual(['snapshot', 'read']);
  expect(seen.maxSameId).toBe(1);
  await expect.poll(() => snapshotIds(page)).toEqual(want);

  // React takes over with the corrected list; a delete it makes (a write the background hooks) reaches the
  // snapshot through the offscreen document, so the next first frame never shows the deleted note.
  await page.getByRole('article').first().getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('#early-search')).toHaveCount(0);
  await expect(page.getByText('Note deleted.')).toBeVisible();
  await expect.poll(() => snapshotIds(page)).toEqual(byAge([...notes, ...later]).slice(1, 21));
});

test("the stored cards are painted by the first script, before any of the popup's modules has loaded", async ({
  context,
  extensionId,
}) => {
  const popup = `chrome-extension://${extensionId}/popup.html`;
  const notes = generateCorpus(30).docs.map(corpusNote);
  const seedPage = await context.newPage();
  await seedPage.goto(`chrome-extension://${extensionId}/options.html`); // creates the database
  await seedExtensionDb(seedPage, { notes });
  const first = await context.newPage();
  await first.goto(popup);
  await first.locator('article').first().waitFor();
  await expect.poll(() => snapshotIds(first)).toHaveLength(20);
  const stored = (await snapshotIds(first))!;
  await first.close();

  // The popup's module entry (early.ts and all it imports) held back: only the first, classic script can paint.
  const page = await context.newPage();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/chunks\/popup-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(popup, { waitUntil: 'commit' });
  await expect.poll(() => shownIds(page)).toEqual(stored);
  const box = page.getByRole('searchbox', { name: 'Search harvested notes' });
  await expect(box).toBeFocused();
  await expect(page.getByRole('list', { name: 'Harvested notes' }).getByRole('article')).toHaveCount(20);
  await page.keyboard.type('kube');
  const modulesRun = () => page.evaluate(() => performance.getEntriesByName('commonplace:early-module').length);
  expect(await modulesRun()).toBe(0);

  // Once the modules load they carry on from the painted page: no second paint, the typed text and focus kept.
  release();
  await expect.poll(modulesRun).toBe(1);
  await expect(page.locator('#early-search')).toHaveCount(0);
  await expect(box).toHaveValue('kube');
  await expect(box).toBeFocused();
  const painted = await page.evaluate(() =>
    performance.getEntriesByName('commonplace:early-paint').map((m) => (m as PerformanceMeasure).detail),
  );
  expect(painted.filter((d) => d === 'snapshot')).toHaveLength(1);
});
