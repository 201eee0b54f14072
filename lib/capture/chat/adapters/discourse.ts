import { chatMessage, defineChatAdapter, readAll } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, isoFromMs, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** Discourse topics (any host): each post is an `article[data-post-id]`; a topic is one thread. */
export const selectors = {
  /** The Ember view's posts, and the no-JavaScript (crawler) view's. */
  message: 'article[data-post-id], .topic-body.crawler-post',
  crawlerPost: '.crawler-post',
  crawlerAuthor: '.creator [itemprop="name"]',
  crawlerTime: '[itemprop="datePublished"]',
  crawlerPosition: '[itemprop="position"]',
  crawlerBody: '.post[itemprop="articleBody"], .post[itemprop="text"]',
  crawlerTopicLink: 'h1.crawler-topic-title a, #topic-title a',
  author: '.names .first a, .names .username a',
  time: '.post-date [data-time]',
  permalink: 'a.post-date',
  body: '.cooked',
  bodySkip: '.cooked-selection-barrier, .lightbox-wrapper .meta',
  title: '#topic-title .fancy-title, .fancy-title',
  category:
    '.topic-category .badge-category__name, .badge-category__name, #breadcrumbs .badge-category__title, #breadcrumbs .category-name',
  restricted: '.topic-category .badge-category.--restricted',
  siteName: 'meta[property="og:site_name"]',
  marker: 'meta[name="generator"][content^="Discourse"]',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean => /^\/t\/[^/]+\/\d+/.test(pathname);

/**
 * The crawler view carries no post id: a post is its topic and position (`12483#2`), and its permalink is the
 * topic's address plus the position, as the Ember view links it (`/t/slug/12483/2`; post 1 is the topic itself).
 */
function readCrawlerPost(el: Element): ChatMessage {
  const doc = el.ownerDocument;
  const n = lineText(el.querySelector(selectors.crawlerPosition));
  const topicHref = doc.querySelector(selectors.crawlerTopicLink)?.getAttribute('href') ?? doc.location?.pathname;
  const topic = webUrl(topicHref, doc.baseURI);
  const topicId = /\/t\/[^/]+\/(\d+)/.exec(topic ?? '')?.[1];
  const time = el.querySelector(selectors.crawlerTime);
  return chatMessage({
    id: topicId && n ? `${topicId}#${n}` : undefined,
    author: lineText(el.querySelector(selectors.crawlerAuthor)),
    timestamp: isoFromDatetime(time?.getAttribute('content') ?? time?.getAttribute('datetime')),
    permalink: topic && n ? (n === '1' ? topic : `${topic.replace(/\/$/, '')}/${n}`) : undefined,
    body: el.querySelector(selectors.crawlerBody),
    bodySkip: selectors.bodySkip,
    isRoot: n === '1',
  });
}

function readMessage(el: Element): ChatMessage {
  if (el.matches(selectors.crawlerPost)) return readCrawlerPost(el);
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
  draftFormat: 'markdown',
  selectors,
  matches: matchesPath,
  matchesPath,
  detects: (doc) => !!doc.querySelector(selectors.marker),
  readMessage,
  threadOf(el) {
    // Long topics are cloaked and streamed: post #1 is the root only when it is actually rendered.
    const all = readAll(el.ownerDocument, selectors.message, (e) => discourse.readMessage(e));
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
