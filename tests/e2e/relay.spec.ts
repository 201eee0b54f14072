import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { join, startEndpoint, syncNowAndWait as syncNow } from './pages/community';
import { capturePanel, expectSaved, selectWithMouse, setExtensionStorage } from './pages/harvest-flow';
import { startStaticServer, type StaticServer } from './static-server';

// Slack's thread pane (a real capture) with its composer run by real Quill, and Zulip's compose box (a textarea).
const SLACK_PATH = '/client/T0BBBB0001/C0CCCC0001/thread/C0CCCC0001-1612469638.214000';
const SLACK_Q = 'Which test runner do people here use for end-to-end checks';
const ZULIP_HASH = '#narrow/channel/7-design/topic/icons';
const ZULIP_Q = 'Should the tag icon be outlined or filled?';
const QUILL = readFileSync('node_modules/quill/dist/quill.js', 'utf8');

/**
 * The Slack fixture with Quill mounted on its message input: the editor Slack's composer is built on, so the
 * relay is checked against a real editor model (Quill's own `getText()`), not just the DOM. The fixture's
 * editor attributes (role, label, tabindex) are kept on the editor Quill makes.
 */
function slackWithQuill(): string {
  const html = readFileSync('tests/fixtures/chat/slack/thread-2021.html', 'utf8');
  const mount = `<script>${QUILL}</script><script>
    const box = document.querySelector('[data-qa="message_input"]');
    const old = box.querySelector('.ql-editor');
    const attrs = [...old.attributes].filter((a) => a.name !== 'class' && a.name !== 'contenteditable');
    box.innerHTML = '';
    window.quill = new Quill(box);
    for (const a of attrs) window.quill.root.setAttribute(a.name, a.value);
  </script>`;
  return html.replace('</body>', `${mount}</body>`);
}

async function harvestQuestion(page: Page, selector: string, text: string) {
  await selectWithMouse(page, selector, text);
  await page.getByRole('button', { name: 'Harvest' }).click();
  const panel = capturePanel(page);
  await panel.getByLabel('Kind').selectOption('question');
  await expect(panel.getByLabel('Share with')).not.toHaveValue('');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
}

/** The id of the question note harvested with this quote (read in an extension page of that profile). */
async function questionId(page: Page, quote: string): Promise<string> {
  return page.evaluate(
    (quote) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('commonplace');
        open.onsuccess = () => {
          const req = open.result.transaction('notes').objectStore('notes').getAll();
          req.onsuccess = () => {
            const q = (req.result as { id: string; kind: string; quote: string }[]).find(
              (n) => n.kind === 'question' && n.quote.startsWith(quote),
            );
            return q ? resolve(q.id) : reject(new Error(`no question ${quote}`));
          };
        };
      }),
    quote,
  );
}

/** Bob answers through the background, as the capture panel does ("Answer this question" on a harvest). */
async function answer(page: Page, communityId: string | null, questionId: string, takeaway: string) {
  const res = await page.evaluate(
    async ({ communityId, questionId, takeaway }) => {
      const data = {
        kind: 'answer',
        quote: '',
        takeaway,
        tags: [],
        selectors: [],
        page: {
          url: 'https://wiki.example.org/testing',
          canonicalUrl: 'https://wiki.example.org/testing',
          title: 'Testing',
        },
        links: { answers: questionId },
        ...(communityId ? { communityId } : {}),
      };
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const message = { id: 1, type: 'createNote', data, timestamp: Date.now() };
      return ((await chrome.runtime.sendMessage(message)) as { res: { ok: boolean } }).res;
    },
    { communityId, questionId, takeaway },
  );
  expect(res.ok).toBe(true);
}

async function relayList(context: BrowserContext, extensionId: string) {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/newtab.html`);
  await expect(tab.getByRole('heading', { name: 'Questions for you' })).toBeVisible();
  return tab;
}

/** Every open tab showing `url` (the relay opens the thread, or focuses it when it is open). */
const tabsAt = (context: BrowserContext, url: string) => context.pages().filter((p) => p.url() === url);

/** Whether the browser's tab showing `url` is the active one of its window (as the background sees tabs). */
const isActiveTab = (sw: Worker, url: string) =>
  sw.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ url?: string; active: boolean }[]> } };
    };
    return (await chrome.tabs.query({})).some((t) => t.url === url && t.active);
  }, url);

test.setTimeout(300_000);

test('the asker relays an answer from the new tab into Slack’s Quill composer and Zulip’s textarea, exactly', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  const endpoint = await startEndpoint(['member']);
  let site: StaticServer | undefined;
  const ann = await launchWithExtension();
  const bob = await launchWithExtension();
  try {
    site = await startStaticServer();
    site.override(SLACK_PATH, slackWithQuill());
    site.override('/', readFileSync('tests/fixtures/chat/zulip/channel.html', 'utf8'));
    const annOptions = await ann.context.newPage();
    const bobOptions = await bob.context.newPage();
    await join(annOptions, ann.extensionId, endpoint.invite, 'Ann');
    await join(bobOptions, bob.extensionId, endpoint.invite, 'Bob');
    await setExtensionStorage(ann.sw, { 'chat:testHost': '127.0.0.1' });

    // Ann asks in two chat apps.
    const slackUrl = `${site.origin}${SLACK_PATH}`;
    const zulipUrl = `${site.origin}/${ZULIP_HASH}`;
    const zulipNear = `${site.origin}/${ZULIP_HASH}/near/2001`;
    const slack = await ann.context.newPage();
    await slack.goto(slackUrl);
    await expect.poll(() => slack.evaluate(() => typeof (window as { quill?: unknown }).quill)).toBe('object');
    await harvestQuestion(slack, '[id$="-thread-list_1612469638.214000"] .c-message_kit__blocks', SLACK_Q);
    const zulip = await ann.context.newPage();
    await zulip.goto(zulipUrl);
    await harvestQuestion(zulip, '[data-message-id="2001"] .message_content', ZULIP_Q);
    await syncNow(annOptions);

    // Bob answers both from his profile.
    await syncNow(bobOptions);
    const slackQ = await questionId(bobOptions, SLACK_Q);
    const zulipQ = await questionId(bobOptions, ZULIP_Q);
    await answer(bobOptions, endpoint.communityId, slackQ, 'Playwright, with one browser per worker.');
    await answer(bobOptions, endpoint.communityId, zulipQ, 'Outlined: filled reads as selected.');
    await syncNow(bobOptions);
    await syncNow(annOptions);

    const tab = await relayList(ann.context, ann.extensionId);
    expect(await isActiveTab(ann.sw, slackUrl)).toBe(false);
    const toRelay = tab.getByRole('list', { name: 'Answers to relay to their thread' }).getByRole('listitem');
    await expect(toRelay).toHaveCount(2);

    // Slack: the draft (in Slack's markup) goes into the thread pane's Quill editor; Quill's own model holds it exactly.
    const slackDraft =
      'Playwright, with one browser per worker.\n\nhttps://wiki.example.org/testing\n\nThanks to *Bob*, who found this in wiki.example.org';
    await toRelay
      .filter({ hasText: SLACK_Q })
      .getByRole('button', { name: /^Relay answer: / })
      .click();
    await expect(tab.getByRole('status').filter({ hasText: 'is in the thread’s message box' })).toBeVisible({
      timeout: 30_000,
    });
    // The thread's tab was already open: it was focused and written, and no second one appeared.
    expect(tabsAt(ann.context, slackUrl)).toEqual([slack]);
    expect(await isActiveTab(ann.sw, slackUrl)).toBe(true);
    expect(await slack.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText())).toBe(
      `${slackDraft}\n`,
    );
    const written = slack;
    await expect(written.getByRole('textbox', { name: 'Reply…' })).toHaveText(slackDraft.replaceAll('\n', ''), {
      useInnerText: false,
    });
    // Nothing was sent: the thread still has its own messages only.
    expect(await written.locator('[data-qa="message_container"]').count()).toBe(
      await slack.locator('[data-qa="message_container"]').count(),
    );

    // It is relayed now: gone from the relay list, and the asker is asked "Did this answer it?" beside "Relayed".
    await expect(toRelay).toHaveCount(1);
    await expect(
      tab.getByRole('list', { name: 'Did this answer it?' }).getByRole('listitem').filter({ hasText: SLACK_Q }),
    ).toContainText('Relayed');

    // Zulip: the question's link is its own message (…/near/2001); the tab showing its topic is that thread. Ann
    // had typed words of her own there: the new tab asks before replacing them, and replaces them once she agrees.
    const zulipDraft =
      'Outlined\\: filled reads as selected\\.\n\n[wiki\\.example\\.org](https://wiki.example.org/testing)\n\nThanks to **Bob**, who found this in wiki\\.example\\.org';
    await zulip.locator('#compose-textarea').fill('half a thought of mine');
    await tab.bringToFront();
    const zulipLine = toRelay.filter({ hasText: ZULIP_Q });
    await zulipLine.getByRole('button', { name: /^Relay answer: / }).click();
    const ask = zulipLine.getByRole('group', { name: /^Replace your draft\? / });
    await expect(ask).toContainText('“half a thought of mine”', { timeout: 30_000 });
    await expect(zulip.locator('#compose-textarea')).toHaveValue('half a thought of mine');
    await ask.getByRole('button', { name: 'Replace my draft' }).click();
    await expect(
      tab.getByRole('status').filter({ hasText: `The reply to “${ZULIP_Q}” is in the thread’s message box` }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(zulip.locator('#compose-textarea')).toHaveValue(zulipDraft);
    expect(await isActiveTab(ann.sw, zulipUrl)).toBe(true);
    expect(tabsAt(ann.context, zulipNear)).toEqual([]);
    expect(ann.context.pages().filter((p) => p.url().startsWith(`${site!.origin}/#`))).toEqual([zulip]);
    await expect(toRelay).toHaveCount(0);

    // Both relays were recorded and synced: the answerer's browser holds the two `relayed` events.
    await syncNow(annOptions);
    await syncNow(bobOptions);
    const events = await bobOptions.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('commonplace');
          open.onsuccess = () => {
            const req = open.result.transaction('questionEvents').objectStore('questionEvents').getAll();
            req.onsuccess = () => resolve((req.result as { type: string }[]).map((e) => e.type));
          };
        }),
    );
    expect(events).toEqual(['relayed', 'relayed']);
  } finally {
    await ann.close();
    await bob.close();
    await site?.close();
    await endpoint.close();
  }
});

test('the popup’s card relays an answered question by keyboard, says a failure in words, then writes the draft', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  const ann = await launchWithExtension();
  let site: StaticServer | undefined;
  try {
    site = await startStaticServer();
    site.override('/', readFileSync('tests/fixtures/chat/zulip/channel.html', 'utf8'));
    await setExtensionStorage(ann.sw, { 'chat:testHost': '127.0.0.1' });
    const zulipUrl = `${site.origin}/${ZULIP_HASH}`;
    const zulip = await ann.context.newPage();
    await zulip.goto(zulipUrl);
    // A personal question (no community joined): Ann's own, hers to relay.
    await selectWithMouse(zulip, '[data-message-id="2001"] .message_content', ZULIP_Q);
    await zulip.getByRole('button', { name: 'Harvest' }).click();
    const panel = capturePanel(zulip);
    await panel.getByLabel('Kind').selectOption('question');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved(zulip);

    const popup = await ann.context.newPage();
    await popup.goto(`chrome-extension://${ann.extensionId}/popup.html`);
    const card = popup.getByRole('article', { name: new RegExp(`^${ZULIP_Q.slice(0, 20)}`) });
    await expect(card).toBeVisible();
    // Not answered yet: nothing to relay.
    await expect(card.getByRole('button', { name: /^Relay answer/ })).toHaveCount(0);
    await answer(popup, null, await questionId(popup, ZULIP_Q), 'Outlined: filled reads as selected.');
    const button = card.getByRole('button', { name: `Relay answer: ${ZULIP_Q}` });
    await expect(button).toBeVisible();

    // The composer is disabled: no message box takes it, the popup says so and holds the reply to copy.
    await zulip.locator('#compose-textarea').evaluate((el) => ((el as HTMLTextAreaElement).disabled = true));
    // Zulip's adapter writes Markdown: member words escaped, the link as [host](url).
    const draft = 'Outlined\\: filled reads as selected\\.\n\n[wiki\\.example\\.org](https://wiki.example.org/testing)';
    await button.focus();
    await popup.keyboard.press('Enter');
    await expect(card.getByText('No message box was found in that thread.')).toBeVisible({ timeout: 40_000 });
    await expect(card.getByLabel('Drafted reply')).toHaveValue(draft);
    expect(await isActiveTab(ann.sw, zulipUrl)).toBe(false);

    // With the composer back, the relay writes the open tab's composer (no second tab) and brings it forward.
    await zulip.locator('#compose-textarea').evaluate((el) => ((el as HTMLTextAreaElement).disabled = false));
    await button.focus();
    await popup.keyboard.press('Enter');
    await expect(
      card.getByRole('status').filter({ hasText: `The reply to “${ZULIP_Q}” is in the thread’s message box` }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(zulip.locator('#compose-textarea')).toHaveValue(draft);
    expect(await isActiveTab(ann.sw, zulipUrl)).toBe(true);
    expect(ann.context.pages().filter((p) => p.url().startsWith(`${site!.origin}/`))).toEqual([zulip]);
    // Relayed: the card offers no second relay.
    await expect(card.getByRole('button', { name: /^Relay answer/ })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: /^Relay answer/ })).toHaveCount(0);
  } finally {
    await ann.close();
    await site?.close();
  }
});
