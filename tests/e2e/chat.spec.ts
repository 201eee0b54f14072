import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { virtualChannelHtml, virtualTs } from '../fixtures/chat/virtual-channel';
import {
  capturePanel,
  clickHarvestMenu,
  expectSaved,
  paintedTexts,
  selectWithMouse,
  setExtensionStorage,
  storedNotes,
  tabIdOf,
} from './pages/harvest-flow';

const SLACK_PATH = '/client/T024BE7LD/C024BE91L';
const slackChannel = readFileSync('tests/fixtures/chat/slack/channel.html', 'utf8');
const QUOTE = 'Has anyone profiled the sync job since the index change?';

test('harvest a Slack message: chat context and credit are stored, the highlight comes back on reload', async ({
  context,
  sw,
  extensionId,
  site,
}) => {
  site.override(SLACK_PATH, slackChannel);
  // Let 127.0.0.1 stand in for Slack's hosts; Slack's own path rules still decide.
  await setExtensionStorage(sw, { 'chat:testHost': '127.0.0.1' });

  const page = await context.newPage();
  await page.goto(`${site.origin}${SLACK_PATH}`);
  await selectWithMouse(page, '[id="1763632800.000100"] [data-qa="message-text"]', QUOTE);
  await page.getByRole('button', { name: 'Harvest' }).click();
  const panel = capturePanel(page);
  await expect(panel.getByLabel('Chat context')).toContainText('slack');
  await expect(panel.getByLabel('Chat context')).toContainText('Ada Lovelace');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  // Harvest the thread around Grace's message, from the context menu.
  await page.locator('[id="1763633100.000300"] [data-qa="message-text"]').click({ button: 'right' });
  await page.keyboard.press('Escape');
  await clickHarvestMenu(sw, await tabIdOf(sw, page), {}, 'harvest-thread');
  await expect(capturePanel(page).getByLabel('Chat context')).toContainText('Thread of');
  await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const notes = (await storedNotes(popup)) as unknown as {
    kind: string;
    quote: string;
    chat?: {
      platform: string;
      channel?: string;
      isThread?: boolean;
      messages: { author?: string; permalink?: string }[];
    };
    contributors?: { name: string }[];
  }[];
  const message = notes.find((n) => n.quote === QUOTE)!;
  expect(message.chat).toMatchObject({ platform: 'slack', channel: 'design' });
  expect(message.chat!.messages[0]).toMatchObject({
    author: 'Ada Lovelace',
    permalink: 'https://acme.slack.com/archives/C024BE91L/p1763632800000100',
  });
  expect(message.contributors?.map((c) => c.name)).toEqual(['Ada Lovelace']);
  const thread = notes.find((n) => n.chat?.isThread)!;
  expect(thread.kind).toBe('question');
  expect(thread.contributors?.map((c) => c.name)).toContain('Grace Hopper');

  await page.reload();
  await expect.poll(() => paintedTexts(page)).toContain(QUOTE);

  // On a chat page too, hovering the highlight shows its note in the extension's card.
  const at = await page.evaluate((quote) => {
    const layer = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('commonplace-own');
    const range = [...(layer ?? [])].find((r) => r.toString().replace(/\s+/g, ' ').trim() === quote)!;
    const r = range.getClientRects()[0]!;
    return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
  }, QUOTE);
  await page.mouse.move(at.x, at.y);
  const card = page.frameLocator('iframe[title="Commonplace: note for this highlight"]:not([inert])');
  await expect(card.getByText('Your note')).toBeVisible();
});

test('a virtualised message list: scrolled away the note is “not on screen”, scrolled back the highlight returns', async ({
  context,
  sw,
  extensionId,
  site,
}) => {
  site.override(SLACK_PATH, virtualChannelHtml(2000, 40));
  await setExtensionStorage(sw, { 'chat:testHost': '127.0.0.1' });
  const page = await context.newPage();
  await page.goto(`${site.origin}${SLACK_PATH}`);
  const ts = virtualTs(1962);
  const text = 'Message number 1962: notes on the sync job';
  await selectWithMouse(page, `[id="${ts}"] [data-qa="message-text"]`, text);
  await page.getByRole('button', { name: 'Harvest' }).click();
  await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  await expect.poll(() => paintedTexts(page)).toEqual([text]);

  const scrollTo = (first: number) =>
    page.evaluate((f) => (window as unknown as { chatScrollTo(n: number): void }).chatScrollTo(f), first);
  await scrollTo(100);
  await expect(page.locator(`[id="${ts}"]`)).toHaveCount(0);
  await expect.poll(() => paintedTexts(page)).toEqual([]);

  const tabId = await tabIdOf(sw, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('button', { name: /This page/ }).click();
  await expect(popup.getByRole('heading', { name: 'Not on screen (1)' })).toBeVisible();
  await expect(popup.getByRole('heading', { name: /Orphans/ })).toHaveCount(0);

  await scrollTo(1960);
  await expect.poll(() => paintedTexts(page)).toEqual([text]);
});

const GITHUB_PATH = '/acme/widgets/issues/12';
const githubIssue = readFileSync('tests/fixtures/chat/github/issue-react.html', 'utf8');
const GITHUB_QUOTE = 'element and it feels instant';

test('harvest a comment on GitHub’s React issue viewer: author, permalink and thread root are stored', async ({
  context,
  sw,
  extensionId,
  site,
}) => {
  site.override(GITHUB_PATH, githubIssue);
  await setExtensionStorage(sw, { 'chat:testHost': '127.0.0.1' });

  const page = await context.newPage();
  await page.goto(`${site.origin}${GITHUB_PATH}`);
  const comment = '[data-testid="comment-viewer-outer-box-IC_kwDOOAhtcs6upJYu"] [data-testid="markdown-body"] p';
  await page.locator(comment).scrollIntoViewIfNeeded();
  await selectWithMouse(page, comment, GITHUB_QUOTE);
  await page.getByRole('button', { name: 'Harvest' }).click();
  await expect(capturePanel(page).getByLabel('Chat context')).toContainText('github');
  await expect(capturePanel(page).getByLabel('Chat context')).toContainText('grace');
  await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  await page.locator(comment).click({ button: 'right' });
  await page.keyboard.press('Escape');
  await clickHarvestMenu(sw, await tabIdOf(sw, page), {}, 'harvest-thread');
  await expect(capturePanel(page).getByLabel('Chat context')).toContainText('Thread of');
  await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const notes = (await storedNotes(popup)) as unknown as {
    quote: string;
    chat?: {
      platform: string;
      channel?: string;
      isThread?: boolean;
      threadRoot?: Record<string, unknown>;
      messages: Record<string, unknown>[];
    };
    contributors?: { name: string }[];
  }[];
  const note = notes.find((n) => n.quote === GITHUB_QUOTE)!;
  expect(note.chat).toMatchObject({ platform: 'github', channel: 'Dark theme support', workspace: 'acme/widgets' });
  expect(note.chat!.messages[0]).toMatchObject({
    id: 'issuecomment-3100000009',
    author: 'grace',
    authorId: '1024025',
    permalink: 'https://github.com/acme/widgets/issues/12#issuecomment-3100000009',
  });
  expect(note.chat).toMatchObject({ isThread: true, threadRoot: { id: 'issue-2000000101', author: 'ada' } });
  // Credit goes to the comment's author and to the issue's opener, whose question it answers (thread root).
  expect(note.contributors?.map((c) => c.name)).toEqual(['ada', 'grace']);
  const thread = notes.find((n) => n !== note && n.chat?.platform === 'github')!;
  expect(thread.chat!.messages).toHaveLength(7);
  expect(thread.chat!.messages[0]).toMatchObject({ id: 'issue-2000000101', author: 'ada', isRoot: true });
  expect(thread.contributors?.map((c) => c.name).sort()).toEqual(['ada', 'grace', 'linus']);
});
