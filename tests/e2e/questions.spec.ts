import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { createNote, join, startEndpoint, syncNowAndWait as syncNow } from './pages/community';
import { capturePanel, expectSaved, selectWithMouse, setExtensionStorage } from './pages/harvest-flow';
import { startStaticServer } from './static-server';

const HOUR = 3_600_000;
const SLACK_PATH = '/client/T024BE7LD/C024BE91L';
const QUOTE = 'Has anyone profiled the sync job since the index change?';

const page0 = { url: 'https://example.org/ops', canonicalUrl: 'https://example.org/ops', title: 'Ops' };

/** A new tab whose clock reads `at` (Playwright's injected clock: the question model reads Date.now()). */
async function newTabAt(context: BrowserContext, extensionId: string, at: number) {
  const tab = await context.newPage();
  await tab.clock.install({ time: at });
  await tab.goto(`chrome-extension://${extensionId}/newtab.html`);
  await expect(tab.getByRole('heading', { name: 'Unanswered questions' })).toBeVisible();
  return tab;
}

test.setTimeout(400_000);

test('a harvested question climbs to the helper at 12 h and the facilitator at 48 h; answered in another profile; the asker confirms', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  const endpoint = await startEndpoint(['member', 'facilitator']);
  const site = await startStaticServer();
  const ann = await launchWithExtension();
  const fay = await launchWithExtension();
  try {
    const annOptions = await ann.context.newPage();
    const fayOptions = await fay.context.newPage();
    await join(annOptions, ann.extensionId, endpoint.invites.member, 'Ann');
    await join(fayOptions, fay.extensionId, endpoint.invites.facilitator, 'Fay');

    // History: Ann asked something like it before and Fay answered, so Fay is a helper for this kind of question.
    const earlier = await createNote(annOptions, {
      kind: 'question',
      quote: 'Has anyone profiled the sync job since the last index change?',
      takeaway: '',
      tags: [],
      selectors: [],
      page: page0,
      communityId: endpoint.communityId,
    });
    await syncNow(annOptions);
    await syncNow(fayOptions);
    await createNote(fayOptions, {
      kind: 'answer',
      quote: '',
      takeaway: 'The flame graph is on the wiki.',
      tags: [],
      selectors: [],
      page: page0,
      links: { answers: earlier },
      communityId: endpoint.communityId,
    });
    await syncNow(fayOptions);

    // Ann harvests a question from the Slack channel (a real capture, tests/fixtures/chat/slack).
    site.override(SLACK_PATH, readFileSync('tests/fixtures/chat/slack/channel.html', 'utf8'));
    await setExtensionStorage(ann.sw, { 'chat:testHost': '127.0.0.1' });
    const slack = await ann.context.newPage();
    await slack.goto(`${site.origin}${SLACK_PATH}`);
    await selectWithMouse(slack, '[id="1763632800.000100"] [data-qa="message-text"]', QUOTE);
    await slack.getByRole('button', { name: 'Harvest' }).click();
    const panel = capturePanel(slack);
    await panel.getByLabel('Kind').selectOption('question');
    await expect(panel.getByLabel('Share with')).not.toHaveValue('');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved(slack);
    const harvestedAt = Date.now();
    await syncNow(annOptions);
    await syncNow(fayOptions);

    const waiting = (tab: Page) => tab.getByRole('list', { name: 'Waiting for your answer' }).getByRole('listitem');
    const line = (tab: Page) => waiting(tab).filter({ hasText: QUOTE });

    const at11 = await newTabAt(fay.context, fay.extensionId, harvestedAt + 11 * HOUR);
    const unanswered = at11.getByRole('region', { name: 'Unanswered questions' }).getByRole('listitem');
    await expect(unanswered.filter({ hasText: QUOTE })).toContainText('Open');
    await expect(line(at11)).toHaveCount(0);
    await at11.close();

    const at12 = await newTabAt(fay.context, fay.extensionId, harvestedAt + 12 * HOUR + 60_000);
    await expect(line(at12)).toContainText('Nudged: you answered similar questions');
    await at12.close();

    const at48 = await newTabAt(fay.context, fay.extensionId, harvestedAt + 48 * HOUR + 60_000);
    await expect(line(at48)).toContainText('Escalated: you facilitate this community');

    // Fay answers from her profile, in the new tab.
    await line(at48)
      .getByRole('button', { name: `Answer: ${QUOTE}` })
      .click();
    await at48.getByLabel(`Your answer to “${QUOTE}”`).fill('Yes: the index change halved it; numbers on the wiki.');
    await at48.getByRole('button', { name: 'Save answer' }).click();
    await expect(line(at48)).toHaveCount(0);
    await syncNow(fayOptions);

    // Ann sees it answered and confirms: resolved, and gone from Fay's list too.
    await syncNow(annOptions);
    const annTab = await newTabAt(ann.context, ann.extensionId, harvestedAt + 49 * HOUR);
    const confirm = annTab.getByRole('group', { name: `Did this answer it? ${QUOTE}` });
    await expect(
      annTab.getByRole('list', { name: 'Did this answer it?' }).getByRole('listitem').filter({ hasText: QUOTE }),
    ).toContainText('Answered');
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect(confirm).toHaveCount(0);
    await syncNow(annOptions);
    await syncNow(fayOptions);
    const fayLater = await newTabAt(fay.context, fay.extensionId, harvestedAt + 50 * HOUR);
    await expect(fayLater.getByRole('region', { name: 'Unanswered questions' })).not.toContainText(QUOTE);
    const events = await fayOptions.evaluate(
      () =>
        new Promise<{ type: string; byRole?: string }[]>((resolve, reject) => {
          const open = indexedDB.open('commonplace');
          open.onsuccess = () => {
            const req = open.result.transaction('questionEvents').objectStore('questionEvents').getAll();
            req.onsuccess = () => resolve(req.result as { type: string; byRole?: string }[]);
            req.onerror = () => reject(req.error);
          };
        }),
    );
    expect(events.map((e) => [e.type, e.byRole])).toEqual([['confirmed', 'member']]);
  } finally {
    await ann.close();
    await fay.close();
    await site.close();
    await endpoint.close();
  }
});

test('"No, that didn\'t answer it" puts the question back under "Unanswered questions"', async ({
  context,
  extensionId,
}) => {
  const ASKED = 'Which cache headers does the CDN honour for the docs site?';
  const first = await context.newPage();
  await first.goto(`chrome-extension://${extensionId}/newtab.html`);
  const question = await createNote(first, {
    kind: 'question',
    quote: ASKED,
    takeaway: '',
    tags: [],
    selectors: [],
    page: page0,
  });
  await createNote(first, {
    kind: 'answer',
    quote: '',
    takeaway: 'Only Cache-Control; it drops Expires.',
    tags: [],
    selectors: [],
    page: page0,
    links: { answers: question },
  });
  await first.close();

  const tab = await context.newPage();
  // The board comes from the background's keeper, written to a moment ago (the page reads it only as a fallback).
  const readHere: string[] = [];
  tab.on('console', (m) => void (m.text().includes('question board read here') && readHere.push(m.text())));
  await tab.goto(`chrome-extension://${extensionId}/newtab.html`);
  const unanswered = tab.getByRole('region', { name: 'Unanswered questions' });
  await expect(unanswered).toContainText('No open questions.');
  await expect(tab.getByRole('group', { name: `Did this answer it? ${ASKED}` })).toBeVisible();
  expect(readHere).toEqual([]);
  const confirm = tab.getByRole('group', { name: `Did this answer it? ${ASKED}` });
  await confirm.getByRole('button', { name: 'No' }).click();

  // Listed again at once, counted, and the board offers no confirmation for an answer it no longer counts.
  await expect(unanswered.getByRole('listitem').filter({ hasText: ASKED })).toContainText('asked today');
  await expect(unanswered).toContainText('1 question is waiting for an answer');
  await expect(unanswered.getByRole('button', { name: `Answer: ${ASKED}` })).toBeVisible();
  await expect(confirm).toHaveCount(0);

  // The stored ready digest agrees: a new tab painting it lists the question too.
  const again = await context.newPage();
  await again.goto(`chrome-extension://${extensionId}/newtab.html`);
  await expect(
    again.getByRole('region', { name: 'Unanswered questions' }).getByRole('listitem').filter({ hasText: ASKED }),
  ).toBeVisible();
});
