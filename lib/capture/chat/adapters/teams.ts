import { chatMessage, defineChatAdapter, paneThread } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, ownQuery, previousWith, snapshot } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** Microsoft Teams (v2 web client): chats and channel posts carry `data-tid` test hooks and `data-mid` ids. */
export const selectors = {
  message:
    '[data-tid="chat-pane-message"], [data-tid="channel-pane-message"], [data-tid="channel-replies-pane-message"]',
  post: '[data-tid="channel-pane-message"]',
  author: '[data-tid="message-author-name"], span[id^="author-"]',
  time: 'time[datetime]',
  body: '[id^="content-"], [data-tid="message-body"]',
  bodySkip: '.fui-ChatMessage__details',
  repliesPane: '[data-tid="channel-replies-runway"]',
  chatTitle: '[data-tid="chat-title"], [data-tid="channelTitle-text"]',
  chat: '[data-tid="chat-pane-message"]',
  chatItem: '[data-tid="chat-pane-item"]',
} as const;

const HOSTS = new Set(['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft']);
const matchesPath = ({ pathname }: ChatLocation): boolean => /^\/(v2\/?$|v2\/|_$|_\/|l\/)/.test(pathname);
const matches = (loc: ChatLocation): boolean => HOSTS.has(loc.hostname) && matchesPath(loc);

const authorOf = (el: Element) => ownQuery(el, selectors.author, selectors.message);

function readMessage(el: Element): ChatMessage {
  const mid = el.getAttribute('data-mid') ?? el.querySelector('[data-mid]')?.getAttribute('data-mid');
  // Consecutive chat messages by one person show the name once, on the first.
  const author =
    authorOf(el) ??
    (el.matches(selectors.chat)
      ? previousWith(el, selectors.chatItem, (row) => !!row.querySelector(selectors.author))?.querySelector(
          selectors.author,
        )
      : null);
  return chatMessage({
    id: mid,
    author: lineText(author),
    timestamp: isoFromDatetime(ownQuery(el, selectors.time, selectors.message)?.getAttribute('datetime')),
    body: ownQuery(el, selectors.body, selectors.message),
    bodySkip: selectors.bodySkip,
  });
}

export const teams = defineChatAdapter({
  id: 'teams',
  draftFormat: 'plain',
  // Teams renders no permalink in the DOM: its absence is not drift.
  fields: ['id', 'author', 'timestamp', 'text'],
  selectors,
  matches,
  matchesPath,
  readMessage,
  threadOf(el) {
    const inPane = paneThread(el, selectors.repliesPane, selectors.message, readMessage);
    if (inPane) return inPane;
    const post = el.closest(selectors.post);
    if (post) return snapshot([post, ...Array.from(post.querySelectorAll(selectors.message))].map(readMessage), true);
    return snapshot([readMessage(el)], false);
  },
  contextOf(doc) {
    // A channel's tab title reads "General (Team) | Microsoft Teams"; chats have no team and are private.
    const team = /\(([^()]+)\) \| Microsoft Teams$/.exec(doc.title)?.[1];
    return compact({
      workspace: clip(team, 300),
      channel: clip(lineText(doc.querySelector(selectors.chatTitle)), 300),
      isPrivate: !!doc.querySelector(selectors.chat),
    });
  },
});
