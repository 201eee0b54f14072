import type { ChatMessage } from '../../../model/note';
import { clip, closestFrom, compact, isoFromDatetime, snapshot, webUrl } from '../dom';
import { lineText, renderedText } from '../text';
import type { ChatAdapter, ChatLocation } from '../types';

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
  return compact({
    id: clip(el.id, 512),
    author: clip(lineText(el.querySelector(selectors.author)), 200),
    authorId: clip(/\/u\/(\d+)/.exec(avatar)?.[1], 200),
    timestamp: isoFromDatetime(el.querySelector(selectors.time)?.getAttribute('datetime')),
    permalink: webUrl(el.querySelector(selectors.permalink)?.getAttribute('href'), el.ownerDocument.baseURI),
    text: clip(renderedText(el.querySelector(selectors.body), selectors.bodySkip), 50_000) ?? '',
    isRoot: /^(issue|pullrequest|discussion)-\d+$/.test(el.id) || undefined,
  });
}

export const github: ChatAdapter = {
  id: 'github',
  selectors,
  matches,
  matchesPath,
  messageAt: (node) => closestFrom(node, selectors.message),
  messagesIn: (root) => Array.from(root.querySelectorAll(selectors.message)),
  readMessage,
  threadOf(el) {
    // "Load more…" hides the middle of long conversations: what is not rendered is not in the snapshot.
    const all = Array.from(el.ownerDocument.querySelectorAll(selectors.message)).map(readMessage);
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
};
