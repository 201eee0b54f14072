import { chatMessage, defineChatAdapter } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, snapshot, webUrl } from '../dom';
import { lineText } from '../text';

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
  return chatMessage({
    id: id,
    author: lineText(authorEl),
    timestamp: isoFromDatetime(time?.getAttribute('datetime')) ?? clip(lineText(time), 100),
    permalink: webUrl(link?.getAttribute('href'), el.ownerDocument.baseURI),
    body: body,
    bodySkip: selectors.bodySkip,
  });
}

export const generic = defineChatAdapter({
  id: 'generic',
  selectors,
  matches: () => false,
  matchesPath: () => false,
  detects: (doc) => !!doc.querySelector(selectors.message),
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
});
