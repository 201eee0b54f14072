import { browser, type Browser } from 'wxt/browser';
import { sendToContent } from '@/lib/messaging/messenger';
import { logger } from '@/lib/log';

export const MENU_ID = 'harvest-to-community';
export const THREAD_MENU_ID = 'harvest-thread';
export const COMMAND_ID = 'harvest-selection';

/** Right-click → Harvest to community: the selection, else the link, else the page itself. */
export async function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
  if (tab?.id === undefined) return;
  const target = { tabId: tab.id, frameId: info.frameId ?? 0 };
  if (info.menuItemId === THREAD_MENU_ID) return sendToContent('startHarvest', { mode: 'thread' }, target);
  if (info.menuItemId !== MENU_ID) return;
  if (info.selectionText) return sendToContent('startHarvest', { mode: 'selection' }, target);
  if (info.linkUrl) {
    return sendToContent('startHarvest', { mode: 'link', linkUrl: info.linkUrl, linkText: info.selectionText }, target);
  }
  return sendToContent('startHarvest', { mode: 'page' }, target);
}

/** The keyboard shortcut: harvest the selection in the active tab (the page, when nothing is selected). */
export async function onCommand(command: string, tab?: Browser.tabs.Tab) {
  if (command !== COMMAND_ID) return;
  const active = tab?.id !== undefined ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (active?.id === undefined) return;
  await sendToContent('startHarvest', { mode: 'selection' }, { tabId: active.id, frameId: 0 });
}

export function registerHarvestEntryPoints() {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: 'Harvest to community',
      contexts: ['selection', 'page', 'link'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    // In chat apps: the whole thread around the clicked message as one note (elsewhere it harvests the page).
    browser.contextMenus.create({
      id: THREAD_MENU_ID,
      title: 'Harvest thread',
      contexts: ['selection', 'page', 'link'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  // A tab without our content script (chrome://, the web store) cannot harvest: logged at debug, not an error.
  const failed = logger('harvest').failed('could not start the harvest');
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab).catch(failed));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab).catch(failed));
}
