import type { ChatMessage } from '../../../model/note';
import { clip, closestFrom, compact, isoFromDatetime, previousWith, snapshot, webUrl } from '../dom';
import { lineText, renderedText } from '../text';
import type { ChatAdapter, ChatLocation } from '../types';

/** Mattermost's webapp (self-hosted anywhere): ids like `post_<id>` / `rhsPost_<id>` and BEM classes. */
export const selectors = {
  message: 'div.post[id^="post_"], div.post[id^="rhsPost_"], div.post[id^="rhsRootPost_"]',
  list: '#postListContent, #rhsContainer',
  author: '.post__header .user-popover',
  avatar: 'img.Avatar, .post__img img',
  time: 'time.post__time, .post__time time',
  permalink: 'a.post__permalink',
  body: '.post-message__text',
  bodySkip: '.post-edited__indicator, .post-code__language, .post-code__line-numbers',
  rhs: '#rhsContainer',
  channelName: '#channelHeaderTitle',
  teamName: '#headerTeamName',
  privateIcon: '#channelHeaderTitle .icon-lock-outline',
  marker: 'meta[name="application-name"][content="Mattermost"], #channel_view',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean =>
  /^\/[\w-]+\/(channels|messages|pl|threads)\/[^/]+/.test(pathname);

const postId = (el: Element): string | undefined => /^(?:rhsRootPost_|rhsPost_|post_)(\w+)$/.exec(el.id)?.[1];

function readMessage(el: Element): ChatMessage {
  const head = el.querySelector(selectors.author)
    ? el
    : previousWith(el, selectors.message, (e) => !!e.querySelector(selectors.author));
  const avatar = head?.querySelector(selectors.avatar)?.getAttribute('src') ?? '';
  return compact({
    id: clip(postId(el), 512),
    author: clip(lineText(head?.querySelector(selectors.author)), 200),
    authorId: clip(/\/users\/(\w+)\/image/.exec(avatar)?.[1], 200),
    timestamp: isoFromDatetime(el.querySelector(selectors.time)?.getAttribute('datetime')),
    permalink: webUrl(el.querySelector(selectors.permalink)?.getAttribute('href'), el.ownerDocument.baseURI),
    text: clip(renderedText(el.querySelector(selectors.body), selectors.bodySkip), 50_000) ?? '',
    isRoot: el.id.startsWith('rhsRootPost_') || undefined,
  });
}

export const mattermost: ChatAdapter = {
  id: 'mattermost',
  selectors,
  matches: matchesPath,
  matchesPath,
  detects: (doc) => !!doc.querySelector(selectors.marker),
  messageAt: (node) => closestFrom(node, selectors.message),
  messagesIn: (root) => Array.from(root.querySelectorAll(selectors.message)),
  readMessage,
  threadOf(el) {
    const rhs = el.closest(selectors.rhs);
    if (rhs) return snapshot(Array.from(rhs.querySelectorAll(selectors.message)).map(readMessage), true);
    return snapshot([readMessage(el)], false);
  },
  contextOf(doc) {
    const team = lineText(doc.querySelector(selectors.teamName)) ?? doc.location?.pathname.split('/')[1];
    return compact({
      workspace: clip(team, 300),
      channel: clip(lineText(doc.querySelector(selectors.channelName)), 300),
      isPrivate:
        /^\/[\w-]+\/messages\//.test(doc.location?.pathname ?? '') || !!doc.querySelector(selectors.privateIcon),
    });
  },
};
