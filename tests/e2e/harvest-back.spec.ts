import { readFileSync } from 'node:fs';
import { makeNote } from '../../lib/testing/make-note';
import { seedExtensionDb } from './digest-seed';
import { test, expect } from './fixtures';
import { capturePanel, clickHarvestMenu, setExtensionStorage, storedNotes, tabIdOf } from './pages/harvest-flow';

// The thread of our AMA post of 4 February 2021 (tests/fixtures/chat/slack/ritual-ama.html: a real capture's structure).
const THREAD_PATH = '/client/T0BBBB0001/C0CCCC0001/thread/C0CCCC0001-1612469638.214000';
const thread = readFileSync('tests/fixtures/chat/slack/ritual-ama.html', 'utf8');
const QUESTION = 'How do we rotate the deploy keys without downtime?';
const asked = Date.UTC(2021, 0, 20);
// The question the AMA post listed, harvested before it (personal here: this browser joined no community).
const question = makeNote({ kind: 'question', quote: QUESTION, takeaway: '', createdAt: asked, updatedAt: asked });

test('"Harvest thread" on an AMA thread: replies saved in one step, the question shows answered in the new tab', async ({
  context,
  sw,
  extensionId,
  site,
}) => {
  site.override(THREAD_PATH, thread);
  await setExtensionStorage(sw, { 'chat:testHost': '127.0.0.1' });
  const newtab = await context.newPage();
  await newtab.goto(`chrome-extension://${extensionId}/popup.html`);
  await seedExtensionDb(newtab, { notes: [question] });

  const page = await context.newPage();
  await page.goto(`${site.origin}${THREAD_PATH}`);
  await page.getByText('Thanks for hosting this').click({ button: 'right' });
  await page.keyboard.press('Escape');
  await clickHarvestMenu(sw, await tabIdOf(sw, page), {}, 'harvest-thread');

  const panel = capturePanel(page).getByRole('region', { name: 'Harvest this ritual thread' });
  await expect(panel.getByLabel('What was read')).toContainText('Read 11 messages');
  await expect(panel.getByLabel('What was read')).toContainText('10 replies to harvest');
  const replies = panel.getByRole('list', { name: 'Replies to harvest' }).getByRole('checkbox');
  await expect(replies).toHaveCount(10);
  const first = panel.getByRole('checkbox', { name: /^Answer to “How do we rotate the deploy keys/ }).first();
  await expect(first).toBeChecked();
  // Leave one reply out, by keyboard.
  const thanks = panel.getByRole('checkbox', { name: /Thanks, that is a useful answer/ });
  await thanks.focus();
  await page.keyboard.press('Space');
  await expect(thanks).not.toBeChecked();
  const harvest = panel.getByRole('button', { name: 'Harvest thread' });
  await harvest.focus();
  await page.keyboard.press('Enter');
  await expect(capturePanel(page).getByRole('status')).toContainText('9 notes from this thread');
  await expect(page.locator('iframe[title="Commonplace: harvest to community"]')).toHaveCount(0);

  const notes = (await storedNotes(newtab)) as unknown as {
    id: string;
    kind: string;
    quote: string;
    tags: string[];
    links?: { answers?: string };
    contributors?: { name: string }[];
  }[];
  const harvested = notes.filter((n) => n.id !== question.id);
  expect(harvested).toHaveLength(9);
  expect(harvested.some((n) => n.quote.startsWith('Thanks, that is a useful answer'))).toBe(false);
  const answers = harvested.filter((n) => n.links?.answers === question.id);
  expect(answers.map((n) => n.contributors?.[0]?.name).sort()).toEqual(['Ines Marlow', 'kit_ferro', 'tomasz']);
  expect(answers.every((n) => n.kind === 'answer' && n.tags.includes('ama'))).toBe(true);

  await newtab.goto(`chrome-extension://${extensionId}/newtab.html`);
  await expect(
    newtab.getByRole('list', { name: 'Did this answer it?' }).getByRole('listitem').filter({ hasText: QUESTION }),
  ).toContainText('Answered');

  // Harvesting the thread again proposes only the reply left out: the others are counted as already harvested.
  await page.getByText('Thanks for hosting this').click({ button: 'right' });
  await page.keyboard.press('Escape');
  await clickHarvestMenu(sw, await tabIdOf(sw, page), {}, 'harvest-thread');
  await expect(panel.getByLabel('What was read')).toContainText('1 reply to harvest; 9 already harvested, skipped');
  await expect(replies).toHaveCount(1);
});
