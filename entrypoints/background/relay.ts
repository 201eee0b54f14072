import { browser } from 'wxt/browser';
import { db, notes } from '@/lib/db';
import { onBackgroundMessage, sendToContent } from '@/lib/messaging/messenger';
import type { RelayOutcome } from '@/lib/messaging/protocol';
import type { RelayRequest, RelayWrite } from '@/lib/capture/chat/composer/relay';
import { err, ok } from '@/lib/model';
import { relayPlan } from '@/lib/questions';
import { recordQuestionEvent } from '@/lib/sync/question-events';
import { isExtensionPage } from './senders';
import { questionEventsRepository } from '@/lib/db/question-events';

/** How long a thread's page has to load and render its composer before the relay gives up on it. */
const WRITE_DEADLINE_MS = 20_000;
const RETRY_MS = 250;

/** The tab showing `url` if one is open (focused), else a new one. */
async function openThread(url: string): Promise<number | undefined> {
  const open = (await browser.tabs.query({})).find((t) => t.url === url && t.id !== undefined);
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true });
    return open.id;
  }
  return (await browser.tabs.create({ url })).id;
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
    const { url, ref, draft } = plan.value;
    const tabId = await openThread(url);
    if (tabId === undefined) return ok<RelayOutcome>({ draft, result: { status: 'unreachable' } });
    const result = await writeInTab(tabId, {
      draft,
      ...(ref ? { ref } : {}),
      replaceUserDraft: !!data?.replaceUserDraft,
    });
    // Anything but a written draft is answered in the page that asked (a question to the user, the clipboard).
    if (result.status !== 'written' && sender.tab?.id !== undefined) {
      await browser.tabs.update(sender.tab.id, { active: true }).catch(() => undefined); // it may have closed
    }
    if (result.status === 'written') {
      const recorded = await recordQuestionEvent(db, questionId, { type: 'relayed', answerId }, Date.now());
      if (!recorded.ok) return err(`The draft is in the composer, but the relay was not recorded: ${recorded.error}`);
    }
    return ok<RelayOutcome>({ draft, result });
  });
}
