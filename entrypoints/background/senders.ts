import { browser } from 'wxt/browser';
import { extensionOrigins, FRAMED_PAGES, isFromExtensionPage, type MessageSender } from '@/lib/messaging/sender';

const ORIGINS = extensionOrigins((p) => browser.runtime.getURL(p as '/'), FRAMED_PAGES);

/**
 * Messages that read or write the user's notes, or drive sync, come only from our own pages, never from a
 * content script (whose sender URL is the web page it runs in).
 */
export function isExtensionPage(sender: MessageSender): boolean {
  return isFromExtensionPage(sender, ORIGINS);
}
