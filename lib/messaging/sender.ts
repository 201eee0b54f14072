/** Extension pages framed into web pages: web-accessible (with a per-session URL), so a page can frame them too. */
export const FRAMED_PAGES = ['capture.html', 'highlight-card.html'];

/** What the messaging layer tells a listener about who sent a message. */
export interface MessageSender {
  url?: string;
  tab?: unknown;
}

/**
 * The origins of this extension's own pages. With `use_dynamic_url`, pages framed into web pages (capture
 * panel, highlight card) load from a per-session origin, so `runtime.getURL` gives that origin for them and
 * the fixed one for the rest: both are ours.
 */
export function extensionOrigins(getURL: (path: string) => string, framedPages: string[]): Set<string> {
  return new Set(['/', ...framedPages.map((p) => `/${p}`)].map((p) => originOf(getURL(p))));
}

/** Scheme and host: `URL.origin` is "null" for schemes the URL standard does not know, in some runtimes. */
function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/**
 * True for a message from one of our extension pages, never from a content script (a content script's sender
 * URL is the web page it runs in). Privileged messages (writes, reads of notes, "sync now") check this.
 */
export function isFromExtensionPage(sender: MessageSender, origins: Set<string>): boolean {
  if (!sender.url) return false;
  try {
    return origins.has(originOf(sender.url));
  } catch {
    return false;
  }
}
