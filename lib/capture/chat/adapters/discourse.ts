import type { ChatMessage } from '../../../model/note';
import { clip, closestFrom, compact, isoFromMs, snapshot, webUrl } from '../dom';
import { lineText, renderedText } from '../text';
import type { ChatAdapter, ChatLocation } from '../types';

/** Discourse topics (any host): each post is an `article[data-post-id]`; a topic is one thread. */
export const selectors = {
  message: 'article[data-post-id]',
  author: '.names .first a, .names .username a',
  time: '.post-date [data-time]',
  permalink: 'a.post-date',
  body: '.cooked',
  bodySkip: '.cooked-selection-barrier',
  title: '#topic-title .fancy-title, .fancy-title',
  category: '.topic-category .badge-category__name, .badge-category__name',
  restricted: '.topic-category .badge-category.--restricted',
  siteName: 'meta[property="og:site_name"]',
  marker: 'meta[name="generator"][content^="Discourse"]',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean => /^\/t\/[^/]+\/\d+/.test(pathname);

function readMessage(el: Element): ChatMessage {
  return compact({
    id: clip(el.getAttribute('data-post-id'), 512),
    author: clip(lineText(el.querySelector(selectors.author)), 200),
    authorId: clip(el.getAttribute('data-user-id'), 200),
    timestamp: isoFromMs(Number(el.querySelector(selectors.time)?.getAttribute('data-time'))),
    permalink: webUrl(el.querySelector(selectors.permalink)?.getAttribute('href'), el.ownerDocument.baseURI),
    text: clip(renderedText(el.querySelector(selectors.body), selectors.bodySkip), 50_000) ?? '',
    isRoot: el.id === 'post_1' || undefined,
  });
}

export const discourse: ChatAdapter = {
  id: 'discourse',
  selectors,
  matches: matchesPath,
  matchesPath,
  detects: (doc) => !!doc.querySelector(selectors.marker),
  messageAt: (node) => closestFrom(node, selectors.message),
  messagesIn: (root) => Array.from(root.querySelectorAll(selectors.message)),
  readMessage,
  threadOf(el) {
    // Long topics are cloaked and streamed: post #1 is the root only when it is actually rendered.
    const all = Array.from(el.ownerDocument.querySelectorAll(selectors.message)).map(readMessage);
    return snapshot(all, true, false);
  },
  contextOf(doc) {
    return compact({
      workspace: clip(doc.querySelector(selectors.siteName)?.getAttribute('content'), 300),
      channel: clip(
        lineText(doc.querySelector(selectors.category)) ?? lineText(doc.querySelector(selectors.title)),
        300,
      ),
      isPrivate:
        !!doc.body?.classList.contains('archetype-private_message') || !!doc.querySelector(selectors.restricted),
    });
  },
};
