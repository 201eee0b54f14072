import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DAY_MS } from '../../lib/digest/time';
import { makeNote } from '../../lib/testing/digest-seed';
import type { Note } from '../../lib/model';
import { test, expect } from './fixtures';
import { readTable, seedExtensionDb } from './digest-seed';
import { capturePanel, expectSaved, harvestSelection } from './pages/harvest-flow';

const alice = { id: 'u-alice', name: 'Alice Archer' };
const bob = { id: 'u-bob', name: 'Bob Baker' };
const carol = { id: 'u-carol', name: 'Carol Chen' };
const me = { id: 'u-me', name: 'Sam' };

function seededStore(now: number) {
  const hourAgo = now - 3_600_000;
  const snippet = makeNote({
    createdAt: hourAgo,
    kind: 'snippet',
    author: alice,
    contributors: [bob],
    takeaway: 'Debounce search input by 150 ms',
  });
  const win = makeNote({
    createdAt: hourAgo - 1000,
    kind: 'win',
    author: bob,
    takeaway: 'Shipped the onboarding revamp',
  });
  const story = makeNote({
    createdAt: hourAgo - 2000,
    kind: 'story',
    author: carol,
    takeaway: 'How our migration failed, and what we kept',
  });
  const open = makeNote({
    createdAt: now - 5 * DAY_MS,
    kind: 'question',
    author: carol,
    takeaway: 'How do you version design tokens?',
  });
  const answered = makeNote({
    createdAt: now - 6 * DAY_MS,
    kind: 'question',
    author: bob,
    takeaway: 'Which CSS reset do you use?',
  });
  const crossAnswer = makeNote({
    createdAt: now - 4 * DAY_MS,
    kind: 'answer',
    author: alice,
    communityId: 'c2',
    links: { answers: answered.id },
  });
  const old = makeNote({
    createdAt: now - 90 * DAY_MS,
    kind: 'template',
    author: alice,
    takeaway: 'Retro template that people actually fill in',
  });
  const mine = makeNote({
    createdAt: now - 2 * DAY_MS,
    kind: 'insight',
    author: me,
    takeaway: 'Pair on the first PR of every newcomer',
  });
  const hostile = makeNote({
    createdAt: hourAgo - 3000,
    kind: 'link',
    author: bob,
    takeaway: '<img src=x onerror="document.title=\'pwned\'">',
  });
  const notes: Note[] = [snippet, win, story, open, answered, crossAnswer, old, mine, hostile];
  const thank = (note: Note, by: { id: string; name: string }, at: number) => ({
    id: `${note.id}:${by.id}`,
    noteId: note.id,
    memberId: by.id,
    memberName: by.name,
    communityId: 'c1',
    createdAt: at,
  });
  return {
    notes,
    open,
    rows: {
      notes,
      thanks: [thank(snippet, bob, hourAgo), thank(old, bob, now - 80 * DAY_MS), thank(mine, carol, hourAgo)],
      events: [
        { type: 'duplicate-avoided', at: hourAgo },
        { type: 'note-opened', noteId: win.id, at: hourAgo },
      ],
      kv: [
        { key: 'sync:member:c1', value: { communityId: 'c1', communityName: 'Design guild', memberId: me.id } },
        { key: 'sync:settings', value: { endpoint: '', clientId: 'x', displayName: me.name } },
      ],
    },
  };
}

async function openDigest(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/newtab.html`);
  await expect(page.locator('main[data-state="ready"]')).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole('region', { name });

test('the new tab shows every section from seeded notes; answer a question and thank a contributor from it', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await openDigest(page, extensionId); // creates the database
  const seeded = seededStore(Date.now());
  await seedExtensionDb(page, seeded.rows);
  await openDigest(page, extensionId);

  await expect(page.getByRole('searchbox', { name: 'Search harvested notes' })).toBeFocused();
  const harvest = section(page, 'This week’s harvest');
  await expect(harvest.getByRole('heading', { name: /Snippets/ })).toBeVisible();
  await expect(harvest.getByText('Debounce search input by 150 ms')).toBeVisible();
  await expect(harvest.getByText(/Alice Archer · credits Bob Baker/).first()).toBeVisible();
  // Untrusted text is shown as text, never run.
  await expect(harvest.getByText('<img src=x onerror=', { exact: false })).toBeVisible();
  expect(await page.title()).not.toBe('pwned');

  const unanswered = section(page, 'Unanswered questions');
  await expect(unanswered.getByText('How do you version design tokens?')).toBeVisible();
  await expect(unanswered.getByText('Which CSS reset do you use?')).toHaveCount(0); // answered from another community
  await expect(section(page, 'Win of the week').getByText('Shipped the onboarding revamp')).toBeVisible();
  const rituals = section(page, 'Rituals');
  await expect(rituals.getByRole('heading', { name: 'Design guild' })).toBeVisible();
  await expect(rituals.getByText('Problem-solving huddle').first()).toBeVisible();
  await expect(section(page, 'Stories').getByText('How our migration failed, and what we kept')).toBeVisible();
  await expect(
    section(page, 'From the archive').getByText('Retro template that people actually fill in'),
  ).toBeVisible();
  await expect(
    section(page, 'People to thank').getByText('Thanks, Carol Chen — for “Pair on the first PR of every newcomer”'),
  ).toBeVisible();
  const health = section(page, 'Community health');
  await expect(health.getByRole('img', { name: /Duplicate effort avoided: 12-week trend/ })).toBeVisible();
  await expect(health.getByRole('table', { name: /Active contributors, by week/ })).toBeAttached();

  // Answer the open question from the digest.
  await unanswered.getByRole('button', { name: 'Answer: How do you version design tokens?' }).click();
  await unanswered.getByLabel(/Your answer to/).fill('We tag them with semver and publish a changelog.');
  await unanswered.getByRole('button', { name: 'Save answer' }).click();
  await expect(unanswered.getByText('No open questions.')).toBeVisible();
  const notes = await readTable<Note>(page, 'notes');
  const answer = notes.find((n) => n.takeaway === 'We tag them with semver and publish a changelog.');
  expect(answer).toMatchObject({
    kind: 'answer',
    links: { answers: seeded.open.id },
    communityId: 'c1',
    author: { id: 'u-me' },
  });

  // Thank a contributor.
  const people = section(page, 'People to thank');
  const thankAlice = people.getByRole('button', { name: /Thank Alice Archer/ });
  await thankAlice.click();
  await expect(people.getByRole('button', { name: /Thank Alice Archer/ })).toHaveText('Thanked');
  const thanks = await readTable<{ noteId: string; memberId: string }>(page, 'thanks');
  expect(thanks.some((t) => t.noteId === seeded.notes[0]!.id && t.memberId === 'u-me')).toBe(true);

  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('minimal mode keeps only the search box, and stays on', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await openDigest(page, extensionId);
  await page.getByRole('button', { name: 'Minimal mode' }).click();
  await expect(page.locator('main[data-state="minimal"]')).toBeVisible();
  await expect(page.getByRole('region')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('main[data-state="minimal"]')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search harvested notes' })).toBeFocused();
});

test('dark mode and an 800px window keep the digest readable (axe, no serious violations)', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDigest(page, extensionId);
  await seedExtensionDb(page, seededStore(Date.now()).rows);
  await openDigest(page, extensionId);
  const overflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll('main *')]
      .filter((el) => !el.closest('.visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((el) => `${el.tagName}.${el.className}`),
  }));
  expect(overflow).toEqual({ scrollWidth: 800, wide: [] });
  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('a note harvested while no new tab is open is on the next new tab, computed by the background', async ({
  context,
  extensionId,
  site,
}) => {
  const tab = await context.newPage();
  await openDigest(tab, extensionId);
  await expect(tab.getByText('Harvested on a page while the new tab was closed')).toHaveCount(0);
  await tab.close();

  const page = await context.newPage();
  await page.goto(`${site.origin}/article.html`);
  await harvestSelection(page, '#p2', 'Colocate state with the component that uses it.');
  const panel = capturePanel(page);
  await panel.getByLabel('Takeaway').fill('Harvested on a page while the new tab was closed');
  await panel.getByLabel('Kind').selectOption('win');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  // The background stores the digest holding the note, with no new tab open to compute it.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect
    .poll(async () => {
      const kv = await readTable<{ key: string; value: unknown }>(options, 'kv');
      const ready = kv.find((r) => r.key === 'digest:day')?.value as { digest: { wins: { title: string }[] } };
      const isPending = kv.some((r) => r.key === 'digest:pending');
      return !isPending && ready.digest.wins.map((w) => w.title);
    })
    .toEqual(['Harvested on a page while the new tab was closed']);
  await options.close();

  const next = await context.newPage();
  await openDigest(next, extensionId);
  await expect(
    section(next, 'Win of the week').getByText('Harvested on a page while the new tab was closed'),
  ).toBeVisible();
});

test('a digest the background stored just before the tab listened is picked up at once, not after the wait', async ({
  context,
  extensionId,
}) => {
  const tab = await context.newPage();
  await openDigest(tab, extensionId); // the background's digest is stored
  await tab.close();
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const ready = (await readTable<{ key: string; value: { computedAt: number } }>(options, 'kv')).find(
    (r) => r.key === 'digest:day',
  )!.value;
  // A change seen after that digest: the next tab paints it as pending and waits for the background. Marked a
  // minute ahead, so no background run started before then counts as holding it.
  const pending = Date.now() + 60_000;
  await seedExtensionDb(options, { kv: [{ key: 'digest:pending', value: pending }] });

  // Timers stand still in the tab (its fallback after PENDING_WAIT_MS never fires on its own), and no
  // broadcast reaches it: as when the background's was sent before the tab listened.
  const page = await context.newPage();
  await page.clock.install({ time: Date.now() });
  await page.clock.pauseAt(Date.now() + 1000);
  await page.addInitScript(() =>
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', { set() {}, get: () => null }),
  );
  await page.goto(`chrome-extension://${extensionId}/newtab.html`);
  await expect(page.locator('main[data-state="updating"]')).toBeVisible();

  // The newer digest is stored (written here: the background may be computing one too, unheard).
  await options.evaluate(
    (next) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('commonplace');
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put({ key: 'digest:day', value: next });
          tx.objectStore('kv').delete('digest:pending');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { ...ready, computedAt: pending + 1 },
  );
  await page.clock.runFor(50); // far short of the 3 s fallback
  await expect(page.locator('main[data-state="ready"]')).toBeVisible();
});

test('a note written around the app (no summary, no fingerprint) still reaches a new tab with no digest yet', async ({
  context,
  extensionId,
  sw,
}) => {
  const page = await context.newPage();
  await openDigest(page, extensionId);
  // The background's run counts the live notes' fingerprint where none is kept; the seeder then keeps it, as the
  // notes middleware would: the cold new tab checks the summaries against it instead of counting the notes.
  await sw.evaluate('globalThis.commonplaceDigest.refresh()');
  const isKept = async () => (await readTable<{ key: string }>(page, 'kv')).some((r) => r.key === 'similarity:live');
  await expect.poll(isKept).toBe(true);
  const now = Date.now();
  const older = Array.from({ length: 40 }, (_, i) => makeNote({ createdAt: now - (i + 2) * DAY_MS, author: bob }));
  await seedExtensionDb(page, { notes: older });
  // Written straight into IndexedDB (devtools, a script): neither the summaries nor the fingerprint hear of it. A
  // question of ten days ago: only the index (from the summaries) lists it, this week's notes are read whole.
  const question = makeNote({
    createdAt: now - 10 * DAY_MS,
    kind: 'question',
    author: alice,
    takeaway: 'Written around the app?',
  });
  await page.evaluate(
    (question) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('commonplace');
        open.onsuccess = () => {
          const tx = open.result.transaction(['notes', 'kv'], 'readwrite');
          tx.objectStore('notes').put(question);
          for (const key of ['digest:index', 'digest:day', 'digest:pending']) tx.objectStore('kv').delete(key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    question,
  );
  await page.close();

  // The tab paints from the summaries, then counts the notes, sees one more, and shows the digest computed again.
  const tab = await context.newPage();
  await openDigest(tab, extensionId);
  await expect(section(tab, 'Unanswered questions').getByText('Written around the app?')).toBeVisible();
});
