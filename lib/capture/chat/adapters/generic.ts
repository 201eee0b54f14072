import type { ChatMessage } from '../../../model/note';
import { clip, closestFrom, compact, isoFromDatetime, snapshot, webUrl } from '../dom';
import { lineText, renderedText } from '../text';
import type { ChatAdapter } from '../types';

/**
 * Chat apps no adapter knows, read from the ARIA structure accessible chat UIs share: a `log` or `feed` of
 * `article`/`listitem` messages, a `<time>`, an author link. Weaker than an adapter, never inventive.
 */
export const selectors = {
  container: '[role="log"], [role="feed"]',
  message:
    '[role="log"] > [role="article"], [role="log"] > [role="listitem"], [role="log"] > article, [role="feed"] > article, [role="feed"] > [role="article"], [role="log"] [role="list"] > [role="listitem"], [role="feed"] [role="listitem"]',
  author: [
    '[rel="author"]',
    '[itemprop="author"]',
    '[class*="display-name__html"]',
    '[class*="author"]',
    '[class*="username"]',
    '[class*="sender"]',
    'a[href*="/user"]',
  ].join(', '),
  time: 'time',
  body: '[itemprop="text"], [class*="body"], [class*="content"], [class*="text"]',
  bodySkip:
    'time, header, footer, [rel="author"], [class*="author"], [class*="username"], [class*="sender"], [class*="display-name"]',
  thread: '[aria-label*="thread" i], [aria-label*="replies" i]',
  labelled: ':is([role="log"], [role="feed"], [role="region"], [role="complementary"])[aria-label]',
} as const;

function readMessage(el: Element): ChatMessage {
  const time = el.querySelector(selectors.time);
  const link = time?.closest('a[href]');
  const body = el.querySelector(selectors.body) ?? el;
  const authorEl = el.querySelector(selectors.author);
  const id = el.id || el.getAttribute('data-id') || el.getAttribute('data-message-id') || undefined;
  return compact({
    id: clip(id, 512),
    author: clip(lineText(authorEl), 200),
    timestamp: isoFromDatetime(time?.getAttribute('datetime')) ?? clip(lineText(time), 100),
    permalink: webUrl(link?.getAttribute('href'), el.ownerDocument.baseURI),
    text: clip(renderedText(body, selectors.bodySkip), 50_000) ?? '',
  });
}

export const generic: ChatAdapter = {
  id: 'generic',
  selectors,
  matches: () => false,
  matchesPath: () => false,
  detects: (doc) => !!doc.querySelector(selectors.message),
  messageAt: (node) => closestFrom(node, selectors.message),
  messagesIn: (root) => Array.from(root.querySelectorAll(selectors.message)),
  readMessage,
  threadOf(el) {
    const container = el.closest(selectors.container);
    const isThread = !!el.closest(selectors.thread);
    const els = isThread && container ? Array.from(container.querySelectorAll(selectors.message)) : [el];
    return snapshot(els.map(readMessage), isThread);
  },
  contextOf(doc, el) {
    const label = el?.closest(selectors.labelled)?.getAttribute('aria-label');
    return compact({ channel: clip(label ?? lineText(doc.querySelector('h1')) ?? doc.title, 300) });
  },
};
