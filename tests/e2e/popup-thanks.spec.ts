import { testMembership } from '../../lib/testing/membership';
import { makeNote } from '../../lib/testing/digest-seed';
import { readTable, seedExtensionDb } from './digest-seed';
import { expect, test } from './fixtures';

// Syncing paused, so its endpoint is never reached.
const membership = testMembership({ communityName: 'Frontend', memberId: 'm-me', isEnabled: false });

test('popup: the thanks on each community card, counted for the whole list, and a thank given from it', async ({
  context,
  extensionId,
}) => {
  const seedPage = await context.newPage();
  await seedPage.goto(`chrome-extension://${extensionId}/options.html`); // creates the database
  const now = Date.now();
  const bob = makeNote({
    createdAt: now - 1000,
    quote: 'Memoise the row renderer',
    author: { id: 'm-bob', name: 'Bob' },
  });
  const carol = makeNote({
    createdAt: now - 2000,
    quote: 'Profile before you memo',
    author: { id: 'm-carol', name: 'Carol' },
  });
  const mine = makeNote({ createdAt: now - 3000, quote: 'My own note', author: { id: 'm-me', name: 'Me' } });
  const thank = (noteId: string, memberId: string) => ({
    id: `${noteId}:${memberId}`,
    noteId,
    memberId,
    communityId: 'c1',
    createdAt: now,
  });
  await seedExtensionDb(seedPage, {
    notes: [bob, carol, mine],
    thanks: [thank(bob.id, 'm-carol'), thank(bob.id, 'm-dan'), thank(carol.id, 'm-me'), thank(mine.id, 'm-bob')],
    kv: [{ key: 'sync:member:c1', value: membership }],
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);

  const card = (quote: string) => page.getByRole('article', { name: quote });
  await expect(
    card('Memoise the row renderer').getByRole('button', { name: 'Thank the author (2 thanks)' }),
  ).toBeVisible();
  await expect(
    card('Profile before you memo').getByRole('button', { name: 'Withdraw your thanks (1 thank)' }),
  ).toBeVisible();
  await expect(card('My own note').getByText('1 thank', { exact: true })).toBeVisible(); // no button on your own

  await card('Memoise the row renderer').getByRole('button', { name: 'Thank the author (2 thanks)' }).click();
  // The list's one live query sees the new thank; it is stored and queued for the community.
  await expect(
    card('Memoise the row renderer').getByRole('button', { name: 'Withdraw your thanks (3 thanks)' }),
  ).toBeVisible();
  const thanks = (await readTable(page, 'thanks')) as { noteId: string; memberId: string }[];
  expect(
    thanks
      .filter((t) => t.noteId === bob.id)
      .map((t) => t.memberId)
      .sort(),
  ).toEqual(['m-carol', 'm-dan', 'm-me']);
});
