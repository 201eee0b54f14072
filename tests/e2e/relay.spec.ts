import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
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
async function answer(page: Page, communityId: string, questionId: string, takeaway: string) {
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
        communityId,
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
    const toRelay = tab.getByRole('list', { name: 'Answers to relay to their thread' }).getByRole('listitem');
    await expect(toRelay).toHaveCount(2);

    // Slack: the draft goes into the thread pane's Quill editor, and Quill's own model holds it exactly.
    const slackDraft =
      'Playwright, with one browser per worker.\n\nhttps://wiki.example.org/testing\n\nThanks to Bob, who found this in wiki.example.org';
    await toRelay
      .filter({ hasText: SLACK_Q })
      .getByRole('button', { name: /^Relay answer: / })
      .click();
    await expect(tab.getByRole('status').filter({ hasText: 'is in the thread’s message box' })).toBeVisible({
      timeout: 30_000,
    });
    const slackTabs = tabsAt(ann.context, slackUrl);
    const texts = await Promise.all(
      slackTabs.map((p) => p.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText())),
    );
    expect(texts).toContain(`${slackDraft}\n`);
    const written = slackTabs[texts.indexOf(`${slackDraft}\n`)]!;
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

    // Zulip: the relay opens the question's own message (Zulip's permalink) and fills its compose box exactly.
    // (Asking before replacing the user's own words is held by lib/capture/chat/composer/composer.test.ts: without
    // the `tabs` permission the background cannot see which tab shows a thread, so it opens a new one.)
    const zulipDraft =
      'Outlined: filled reads as selected.\n\nhttps://wiki.example.org/testing\n\nThanks to Bob, who found this in wiki.example.org';
    await toRelay
      .filter({ hasText: ZULIP_Q })
      .getByRole('button', { name: /^Relay answer: / })
      .click();
    await expect(
      tab.getByRole('status').filter({ hasText: `The reply to “${ZULIP_Q}” is in the thread’s message box` }),
    ).toBeVisible({ timeout: 30_000 });
    const composers = () =>
      Promise.all(tabsAt(ann.context, zulipNear).map((p) => p.locator('#compose-textarea').inputValue()));
    expect(await composers()).toContain(zulipDraft);
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
