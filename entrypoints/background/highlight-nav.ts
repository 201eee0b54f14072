import { browser } from 'wxt/browser';
import { onBackgroundMessage, sendToContent } from '@/lib/messaging/messenger';
import { type HighlightStep } from '@/lib/messaging/protocol';
import { isExtensionPage } from './senders';
import { logger } from '@/lib/log';

const log = logger('highlights');

const COMMANDS: Record<string, HighlightStep> = { 'next-highlight': 'next', 'previous-highlight': 'previous' };

/** Sends a keyboard step to the top frame of a tab, where the content script keeps the page's highlights. */
async function step(tabId: number, action: HighlightStep) {
  await sendToContent('stepHighlight', { action }, { tabId, frameId: 0 });
}

/**
 * Keyboard access to highlights: the browser commands (shortcuts that work wherever focus is, the card's
 * iframe included) and the card's own buttons reach the content script through here.
 */
export function registerHighlightNav() {
  browser.commands.onCommand.addListener((command, tab) => {
    const action = COMMANDS[command];
    if (action && tab?.id !== undefined) void step(tab.id, action).catch(log.failed('step'));
  });
  onBackgroundMessage('noteCardCommand', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    const action = data?.action;
    if (tabId === undefined || (action !== 'next' && action !== 'previous' && action !== 'close')) return;
    // Only our card page (an extension-origin frame) may steer the tab's highlights.
    if (!isExtensionPage(sender) || new URL(sender.url!).pathname !== '/highlight-card.html') return;
    await step(tabId, action).catch(log.failed('step'));
  });
}
