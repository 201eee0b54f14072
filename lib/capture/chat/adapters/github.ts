import { chatMessage, defineChatAdapter, readAll } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** GitHub issues, pull requests and discussions (server-rendered timeline markup). */
export const selectors = {
  message: '.timeline-comment-group[id]',
  author: '.timeline-comment-header a.author',
  avatar: 'img.avatar[src*="avatars"]',
  time: 'relative-time[datetime]',
  permalink: 'a.js-timestamp',
  body: '.comment-body',
  bodySkip: '.js-comment-edit-history',
  item: '.js-comment-container, .TimelineItem',
  title: '.js-issue-title, bdi.js-issue-title',
  privateLabel: '#repository-container-header .Label',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean =>
  /^\/[\w.-]+\/[\w.-]+\/(issues|pull|discussions)\/\d+/.test(pathname);
const matches = (loc: ChatLocation): boolean => loc.hostname === 'github.com' && matchesPath(loc);

function readMessage(el: Element): ChatMessage {
  const item = el.closest(selectors.item) ?? el;
  const avatar = item.querySelector(selectors.avatar)?.getAttribute('src') ?? '';
  return chatMessage({
    id: el.id,
    author: lineText(el.querySelector(selectors.author)),
    authorId: /\/u\/(\d+)/.exec(avatar)?.[1],
    timestamp: isoFromDatetime(el.querySelector(selectors.time)?.getAttribute('datetime')),
    permalink: webUrl(el.querySelector(selectors.permalink)?.getAttribute('href'), el.ownerDocument.baseURI),
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
    isRoot: /^(issue|pullrequest|discussion)-\d+$/.test(el.id),
  });
}

export const github = defineChatAdapter({
  id: 'github',
  selectors,
  matches,
  matchesPath,
  readMessage,
  threadOf(el) {
    // "Load more…" hides the middle of long conversations: what is not rendered is not in the snapshot.
    const all = readAll(el.ownerDocument, selectors.message, readMessage);
    return snapshot(all, true, false);
  },
  contextOf(doc) {
    const [owner, repo] = (doc.location?.pathname ?? '').split('/').slice(1, 3);
    const labels = Array.from(doc.querySelectorAll(selectors.privateLabel)).map((l) => lineText(l));
    return compact({
      workspace: clip(owner && repo ? `${owner}/${repo}` : undefined, 300),
      channel: clip(lineText(doc.querySelector(selectors.title)), 300),
      isPrivate: labels.includes('Private'),
    });
  },
});
