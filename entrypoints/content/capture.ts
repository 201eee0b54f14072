import { browser } from 'wxt/browser';
import { describeRange } from '@/lib/anchoring';
import { HAS_TEST_HOOKS } from '@/lib/build/test-hooks';
import {
  chatContextForRange,
  hostMatchers,
  missingInContext,
  threadContextAt,
  type AdapterOptions,
} from '@/lib/capture/chat';
import type { ChatContext } from '@/lib/model';
import { toReaderStrings } from '@/lib/capture/page-text';
import { sendToBackground } from '@/lib/messaging/messenger';
import { type CaptureMode } from '@/lib/messaging/protocol';
import { placeNear, type UiHost } from './ui-host';
import { logger } from '@/lib/log';

const log = logger('content');

const MAX_HTML = 7_500_000;

/** The user's current selection in this document, if it holds any text. */
export function currentSelectionRange(): Range | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  return r.toString().trim() ? r.cloneRange() : null;
}

/**
 * Tests serve chat fixtures from 127.0.0.1: in test builds only, a storage flag lets that host stand in for
 * the apps' real hosts (their path rules still apply). Production builds have no such flag: real matching only.
 */
export async function chatOptions(): Promise<AdapterOptions | undefined> {
  if (!HAS_TEST_HOOKS) return undefined;
  const { 'chat:testHost': host } = await browser.storage.local.get('chat:testHost');
  return typeof host === 'string' && host === location.hostname ? { matchers: hostMatchers(host) } : undefined;
}

/** Who said what: the chat messages a selection touches, or the whole thread around a node. */
async function chatContext(range: Range | null, threadNode: Node | null): Promise<ChatContext | undefined> {
  try {
    const opts = await chatOptions();
    // Zulip (and Google Chat in Gmail) keep the view in the fragment: adapters match on it.
    const at = { hostname: location.hostname, pathname: location.pathname, hash: location.hash };
    if (threadNode) return threadContextAt(threadNode, document, at, opts) ?? undefined;
    return range ? (chatContextForRange(range, document, at, opts) ?? undefined) : undefined;
  } catch {
    return undefined; // an app changed its markup: harvest the text without chat context rather than fail
  }
}

function pageHtml(): string {
  const html = document.documentElement.outerHTML;
  return html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
}

/**
 * Starts a harvest: describes what is being harvested, asks the background to hold it, and opens the capture
 * panel (an extension page in an iframe) next to it. Resolves to the capture id, or null when nothing opened.
 */
export async function openCapturePanel(
  host: UiHost,
  mode: CaptureMode,
  opts: { range?: Range | null; linkUrl?: string; linkText?: string; threadNode?: Node | null } = {},
): Promise<string | null> {
  const range = mode === 'selection' ? (opts.range ?? currentSelectionRange()) : null;
  const chat = await chatContext(range, mode === 'thread' ? (opts.threadNode ?? null) : null);
  const effectiveMode: CaptureMode = (mode === 'selection' && !range) || (mode === 'thread' && !chat) ? 'page' : mode;
  const root = document.body ?? document.documentElement;
  const threadQuote = chat?.threadRoot?.text ?? chat?.messages[0]?.text ?? '';
  const chatMissing = chat ? missingInContext(chat) : [];
  // Everything below is the page's text: a NUL or a lone surrogate the page hid in it is cleaned, not refused.
  const request = toReaderStrings({
    mode: effectiveMode,
    url: location.href,
    quote: (effectiveMode === 'thread' ? threadQuote : range ? range.toString().trim() : '').slice(0, 20_000),
    selectors: range ? describeRange(range, root) : [],
    ...(chat ? { chat } : {}),
    ...(chatMissing.length ? { chatMissing } : {}),
    html: pageHtml(),
    ...(opts.linkUrl ? { linkUrl: opts.linkUrl } : {}),
    ...(opts.linkText ? { linkText: opts.linkText.slice(0, 2000) } : {}),
  });
  const result = await sendToBackground('openCapture', request);
  if (!result.ok) {
    log.warn('could not start the harvest', result.error);
    return null;
  }
  const { captureId } = result.value;
  closePanel(host);
  const frame = document.createElement('iframe');
  frame.className = 'panel';
  frame.title = 'Commonplace: harvest to community';
  frame.dataset.captureId = captureId;
  frame.src = `${browser.runtime.getURL('/capture.html')}?id=${captureId}`;
  const anchor = range?.getBoundingClientRect() ?? new DOMRect(window.innerWidth - 400, 0, 0, 0);
  const { left, top } = placeNear(anchor, 380, 460, window);
  frame.style.left = `${left}px`;
  frame.style.top = `${top}px`;
  frame.addEventListener('load', () => frame.focus(), { once: true });
  host.root.append(frame);
  return captureId;
}

export function closePanel(host: UiHost, captureId?: string) {
  for (const frame of host.root.querySelectorAll<HTMLIFrameElement>('iframe.panel')) {
    if (!captureId || frame.dataset.captureId === captureId) frame.remove();
  }
}
