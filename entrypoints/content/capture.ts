import { browser } from 'wxt/browser';
import { describeRange } from '@/lib/anchoring';
import { sendMessage, type CaptureMode } from '@/lib/messaging/protocol';
import { placeNear, type UiHost } from './ui-host';

const MAX_HTML = 7_500_000;

/** The user's current selection in this document, if it holds any text. */
export function currentSelectionRange(): Range | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  return r.toString().trim() ? r.cloneRange() : null;
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
  opts: { range?: Range | null; linkUrl?: string; linkText?: string } = {},
): Promise<string | null> {
  const range = mode === 'selection' ? (opts.range ?? currentSelectionRange()) : null;
  const effectiveMode: CaptureMode = mode === 'selection' && !range ? 'page' : mode;
  const root = document.body ?? document.documentElement;
  const result = await sendMessage('openCapture', {
    mode: effectiveMode,
    url: location.href,
    quote: range ? range.toString().trim().slice(0, 20_000) : '',
    selectors: range ? describeRange(range, root) : [],
    html: pageHtml(),
    ...(opts.linkUrl ? { linkUrl: opts.linkUrl } : {}),
    ...(opts.linkText ? { linkText: opts.linkText.slice(0, 2000) } : {}),
  });
  if (!result.ok) {
    console.warn('Commonplace: could not start the harvest:', result.error);
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
