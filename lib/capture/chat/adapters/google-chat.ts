import { chatMessage, defineChatAdapter } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromMs, previousWith, snapshot } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/**
 * Google Chat (chat.google.com and Chat inside Gmail). Class names are minified and rotate; the data-*
 * attributes (message id, topic id, sender id, absolute timestamp) are what stays.
 */
export const selectors = {
  message: '[data-message-id]',
  topic: '[data-topic-id]',
  sender: '[data-hovercard-element-id][data-name], [jsname="oU6v8b"]',
  senderId: '[data-member-id]',
  time: '[data-absolute-timestamp]',
  body: '[jsname="bgckF"]',
  bodySkip: '[aria-hidden="true"]',
  threadPane: '[jsname="Eh1mOb"]',
  spaceName: '[data-space-name], [role="main"] [role="heading"][aria-level="1"]',
  dmMarker: '[data-group-type="dm"]',
} as const;

const matchesPath = ({ pathname, hash = '' }: ChatLocation): boolean =>
  /^\/(room|dm)\//.test(pathname) || (/^\/chat\//.test(pathname) && /^#chat\/(space|dm)\//.test(hash));
const matches = (loc: ChatLocation): boolean =>
  (loc.hostname === 'chat.google.com' && /^\/(room|dm)\//.test(loc.pathname)) ||
  (loc.hostname === 'mail.google.com' && matchesPath(loc));

function readMessage(el: Element): ChatMessage {
  const head = el.querySelector(selectors.sender)
    ? el
    : previousWith(el, selectors.message, (e) => !!e.querySelector(selectors.sender));
  const sender = head?.querySelector(selectors.sender);
  const space = /\/(?:room|space|dm)\/([\w-]+)/.exec(
    `${el.ownerDocument.location?.pathname ?? ''}${el.ownerDocument.location?.hash ?? ''}`,
  )?.[1];
  const topic = el.closest(selectors.topic)?.getAttribute('data-topic-id');
  const id = el.getAttribute('data-message-id') ?? undefined;
  return chatMessage({
    id: id,
    author: sender?.getAttribute('data-name') ?? lineText(sender),
    authorId: clip(
      head
        ?.querySelector(selectors.senderId)
        ?.getAttribute('data-member-id')
        ?.replace(/^user\/human\//, ''),
      200,
    ),
    timestamp: isoFromMs(Number(el.querySelector(selectors.time)?.getAttribute('data-absolute-timestamp'))),
    permalink: space && topic && id ? `https://chat.google.com/room/${space}/${topic}/${id}` : undefined,
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
  });
}

export const googleChat = defineChatAdapter({
  id: 'google-chat',
  draftFormat: 'plain',
  selectors,
  matches,
  matchesPath,
  readMessage,
  threadOf(el) {
    const topic = el.closest(selectors.topic);
    const isThread = !!el.closest(selectors.threadPane) || (topic?.querySelectorAll(selectors.message).length ?? 0) > 1;
    const els = topic ? Array.from(topic.querySelectorAll(selectors.message)) : [el];
    return snapshot(els.map(readMessage), isThread);
  },
  contextOf(doc) {
    const heading = doc.querySelector(selectors.spaceName);
    return compact({
      channel: clip(heading?.getAttribute('data-space-name') ?? lineText(heading), 300),
      isPrivate:
        !!doc.querySelector(selectors.dmMarker) ||
        /(^\/dm\/|#chat\/dm\/)/.test(doc.location?.pathname + (doc.location?.hash ?? '')),
    });
  },
});
