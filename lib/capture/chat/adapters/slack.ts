import { chatMessage, defineChatAdapter, paneThread } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromMs, previousWith, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** Slack's web client (app.slack.com/client/…): data-qa attributes are its test hooks and change least. */
export const selectors = {
  message: '[data-qa="message_container"]',
  listItem: '[role="listitem"][data-item-key]',
  sender: '[data-qa="message_sender_name"]',
  timestamp: 'a.c-timestamp[data-ts]',
  body: '[data-qa="message-text"]',
  bodySkip: '.c-message__edited_label, [data-qa="message_content_attachments"], .offscreen',
  edited: '.c-message__edited_label',
  replyCount: '[data-qa="reply_bar_count"]',
  threadPane: '.p-view_contents--secondary',
  channelName: '[data-qa="channel_name"]',
  privateIcon: '.p-view_header .c-icon--lock',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean => /^\/(client|archives)\//.test(pathname);
const matches = (loc: ChatLocation): boolean =>
  (loc.hostname === 'app.slack.com' || loc.hostname.endsWith('.slack.com')) && matchesPath(loc);

function readMessage(el: Element): ChatMessage {
  const named = el.querySelector(selectors.sender)
    ? el
    : previousWith(el, selectors.listItem, (e) => !!e.querySelector(selectors.sender));
  const sender = named?.querySelector(selectors.sender);
  const stamp = el.querySelector(selectors.timestamp);
  const ts = el.getAttribute('data-msg-ts') ?? stamp?.getAttribute('data-ts') ?? undefined;
  return chatMessage({
    id: ts,
    author: lineText(sender),
    authorId: sender?.getAttribute('data-message-sender'),
    // The digits after the dot are a per-second sequence number, not a fraction of a second.
    timestamp: ts ? isoFromMs(Number(ts.split('.')[0]) * 1000) : undefined,
    permalink: webUrl(stamp?.getAttribute('href'), el.ownerDocument.baseURI),
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
  });
}

export const slack = defineChatAdapter({
  id: 'slack',
  selectors,
  matches,
  matchesPath,
  readMessage,
  threadOf(el) {
    const inPane = paneThread(el, selectors.threadPane, selectors.message, readMessage);
    if (inPane) return inPane;
    const isRootWithReplies = !!el.querySelector(selectors.replyCount);
    return snapshot([readMessage(el)], isRootWithReplies);
  },
  contextOf(doc) {
    const parts = doc.title.split(' - ');
    const workspace = parts.length >= 3 && parts.at(-1) === 'Slack' ? parts.at(-2) : undefined;
    const channelId = doc.querySelector(selectors.message)?.getAttribute('data-msg-channel-id') ?? '';
    return compact({
      workspace: clip(workspace, 300),
      channel: clip(lineText(doc.querySelector(selectors.channelName)), 300),
      isPrivate: /^[DG]/.test(channelId) || !!doc.querySelector(selectors.privateIcon),
    });
  },
});
