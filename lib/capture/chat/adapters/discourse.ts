import { chatMessage, defineChatAdapter, readAll } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromMs, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

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
  return chatMessage({
    id: el.getAttribute('data-post-id'),
    author: lineText(el.querySelector(selectors.author)),
    authorId: el.getAttribute('data-user-id'),
    timestamp: isoFromMs(Number(el.querySelector(selectors.time)?.getAttribute('data-time'))),
    permalink: webUrl(el.querySelector(selectors.permalink)?.getAttribute('href'), el.ownerDocument.baseURI),
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
    isRoot: el.id === 'post_1',
  });
}

export const discourse = defineChatAdapter({
  id: 'discourse',
  selectors,
  matches: matchesPath,
  matchesPath,
  detects: (doc) => !!doc.querySelector(selectors.marker),
  readMessage,
  threadOf(el) {
    // Long topics are cloaked and streamed: post #1 is the root only when it is actually rendered.
    const all = readAll(el.ownerDocument, selectors.message, readMessage);
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
});
