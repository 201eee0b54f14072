import { browser } from 'wxt/browser';
import { db, notes } from '@/lib/db';
import { onBackgroundMessage, sendToContent } from '@/lib/messaging/messenger';
import type { RelayOutcome } from '@/lib/messaging/protocol';
import type { RelayRequest, RelayWrite } from '@/lib/capture/chat/composer/relay';
import { err, ok } from '@/lib/model';
import { findThreadTab, relayPlan } from '@/lib/questions';
import { recordQuestionEvent } from '@/lib/sync/question-events';
import { isExtensionPage } from './senders';
import { questionEventsRepository } from '@/lib/db/question-events';

/** How long a thread's page has to load and render its composer before the relay gives up on it. */
const WRITE_DEADLINE_MS = 20_000;
const RETRY_MS = 250;

/**
 * The tab already showing the thread (any of `urls`, matched as findThreadTab does), else a new one. `isShown`:
 * bring it to the front now (the new tab's relay), or leave it where it is until the draft is in (the popup's:
 * the popup closes as soon as another tab takes the focus, and must stay to say a failure in words).
 */
async function openThread(urls: string[], isShown: boolean): Promise<{ id: number; windowId?: number } | undefined> {
  const found = findThreadTab(await browser.tabs.query({}), urls);
  if (found?.id !== undefined) {
    const tab = { id: found.id, ...(found.windowId !== undefined ? { windowId: found.windowId } : {}) };
    if (isShown) await show(tab);
    return tab;
  }
  const created = await browser.tabs.create({ url: urls[0]!, active: isShown });
  return created.id === undefined ? undefined : { id: created.id, windowId: created.windowId };
}

/** Focuses the tab, and its window. */
async function show(tab: { id: number; windowId?: number }): Promise<void> {
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Asks the tab's content script to write, until it answers with a composer or the deadline passes. */
async function writeInTab(tabId: number, req: RelayRequest): Promise<RelayWrite | { status: 'unreachable' }> {
  const deadline = Date.now() + WRITE_DEADLINE_MS;
  let last: RelayWrite | { status: 'unreachable' } = { status: 'unreachable' };
  while (Date.now() < deadline) {
    try {
      last = await sendToContent('writeRelayDraft', req, { tabId, frameId: 0 });
      if (last.status !== 'no-composer') return last;
    } catch {
      // no content script yet: the page is still loading
    }
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }
  return last;
}

/**
 * "Relay answer" (issue 16): from our own pages only, so no web page can start a relay or learn a draft.
 * The `relayed` event is recorded only once the composer holds the draft.
 */
export function registerRelay() {
  onBackgroundMessage('relayAnswer', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return err('Not allowed');
    const questionId = String(data?.questionId);
    const answerId = String(data?.answerId);
    const [question, answer, linked] = await Promise.all([
      notes.get(questionId),
      notes.get(answerId),
      questionEventsRepository(db).ofQuestion(questionId),
    ]);
    const isLinked = linked.some((e) => e.type === 'answer-linked' && e.noteId === answerId);
    const plan = relayPlan(question, answer, isLinked);
    if (!plan.ok) return plan;
    const { url, viewUrl, ref, draft } = plan.value;
    const isFromPopup = data?.from === 'popup';
    const tab = await openThread([...new Set([url, viewUrl])], !isFromPopup);
    if (!tab) return ok<RelayOutcome>({ draft, result: { status: 'unreachable' } });
    const result = await writeInTab(tab.id, {
      draft,
      ...(ref ? { ref } : {}),
      replaceUserDraft: !!data?.replaceUserDraft,
    });
    if (isFromPopup) {
      // The draft is in: show it where the user presses send. Otherwise the popup stays open to say why.
      if (result.status === 'written') await show(tab).catch(() => undefined); // the tab may have closed
    } else if (result.status !== 'written' && sender.tab?.id !== undefined) {
      // Anything but a written draft is answered in the page that asked (a question to the user, the clipboard).
      await browser.tabs.update(sender.tab.id, { active: true }).catch(() => undefined); // it may have closed
    }
    if (result.status === 'written') {
      const recorded = await recordQuestionEvent(db, questionId, { type: 'relayed', answerId }, Date.now());
      if (!recorded.ok) return err(`The draft is in the composer, but the relay was not recorded: ${recorded.error}`);
    }
    return ok<RelayOutcome>({ draft, result });
  });
}
