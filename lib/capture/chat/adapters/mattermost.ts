import { chatMessage, defineChatAdapter, paneThread } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, previousWith, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

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
  /** The page's own marks, then the id every rendered post's text carries (a saved fragment has nothing else). */
  marker: 'meta[name="application-name"][content="Mattermost"], #channel_view, [id^="postMessageText_"]',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean =>
  /^\/[\w-]+\/(channels|messages|pl|threads)\/[^/]+/.test(pathname);

const postId = (el: Element): string | undefined => /^(?:rhsRootPost_|rhsPost_|post_)(\w+)$/.exec(el.id)?.[1];

/** Mattermost's permalink format, `/<team>/pl/<post id>`, for layouts that render no permalink anchor. */
function teamPermalink(el: Element): string | undefined {
  const team = /^\/([\w-]+)\//.exec(el.ownerDocument.location?.pathname ?? '')?.[1];
  const id = postId(el);
  return team && id ? `/${team}/pl/${id}` : undefined;
}

function readMessage(el: Element): ChatMessage {
  const head = el.querySelector(selectors.author)
    ? el
    : previousWith(el, selectors.message, (e) => !!e.querySelector(selectors.author));
  const avatar = head?.querySelector(selectors.avatar)?.getAttribute('src') ?? '';
  return chatMessage({
    id: postId(el),
    author: lineText(head?.querySelector(selectors.author)),
    authorId: /\/users\/(\w+)\/image/.exec(avatar)?.[1],
    timestamp: isoFromDatetime(el.querySelector(selectors.time)?.getAttribute('datetime')),
    permalink: webUrl(
      el.querySelector(selectors.permalink)?.getAttribute('href') ?? teamPermalink(el),
      el.ownerDocument.baseURI,
    ),
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
    isRoot: el.id.startsWith('rhsRootPost_'),
  });
}

export const mattermost = defineChatAdapter({
  id: 'mattermost',
  draftFormat: 'markdown',
  selectors,
  matches: matchesPath,
  matchesPath,
  detects: (doc) => !!doc.querySelector(selectors.marker),
  readMessage,
  threadOf(el) {
    const read = (e: Element) => mattermost.readMessage(e);
    const inPane = paneThread(el, selectors.rhs, selectors.message, read);
    if (inPane) return inPane;
    return snapshot([read(el)], false);
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
});
