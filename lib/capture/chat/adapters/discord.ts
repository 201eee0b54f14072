import { chatMessage, defineChatAdapter, paneThread } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, previousWith, snapshot } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** Discord's web client: ids are stable (`chat-messages-<channel>-<message>`); classes carry a hash suffix. */
export const selectors = {
  message: 'li[id^="chat-messages-"]',
  list: 'ol[data-list-id="chat-messages"]',
  username: 'span[id^="message-username-"] [class*="username"]',
  avatar: 'img[class*="avatar"]',
  time: 'time[id^="message-timestamp-"]',
  body: 'div[id^="message-content-"]',
  /** A reply quotes its parent above the header, with the parent's own `message-content-<id>`: not this message. */
  replyContext: '[id^="message-reply-context-"], [class*="repliedMessage"]',
  bodySkip: '[class*="edited"], [class*="timestamp"]',
  threadPane: '[class*="threadSidebar"]',
  channelName: 'section[aria-label="Channel header"] h1',
  /** The list names its channel too (`Messages in help-desk`): where the header is not rendered or saved. */
  listLabel: 'ol[data-list-id="chat-messages"][aria-label^="Messages in "]',
  server: 'nav[aria-label$="(server)"]',
} as const;

const matchesPath = ({ pathname }: ChatLocation): boolean => /^\/channels\/(@me|\d+)(\/|$)/.test(pathname);
const matches = (loc: ChatLocation): boolean =>
  /^(ptb\.|canary\.)?discord(app)?\.com$/.test(loc.hostname) && matchesPath(loc);

/** `chat-messages-<channelId>-<messageId>`. */
function idsOf(el: Element): { channelId?: string; messageId?: string } {
  const m = /^chat-messages-(\d+)-(\d+)$/.exec(el.id);
  return m ? { channelId: m[1], messageId: m[2] } : {};
}

/** This message's own words: its `message-content-<id>`, else the first body outside a quoted reply. */
function bodyOf(el: Element, messageId: string | undefined): Element | null {
  const own = messageId ? el.querySelector(`[id="message-content-${messageId}"]`) : null;
  return (
    own ?? Array.from(el.querySelectorAll(selectors.body)).find((body) => !body.closest(selectors.replyContext)) ?? null
  );
}

function channelOf(doc: Document): string | undefined {
  const header = lineText(doc.querySelector(selectors.channelName));
  if (header) return header;
  return doc
    .querySelector(selectors.listLabel)
    ?.getAttribute('aria-label')
    ?.replace(/^Messages in /, '');
}

function readMessage(el: Element): ChatMessage {
  const head = el.querySelector(selectors.username)
    ? el
    : previousWith(el, selectors.message, (e) => !!e.querySelector(selectors.username));
  const avatarSrc = head?.querySelector(selectors.avatar)?.getAttribute('src') ?? '';
  const { channelId, messageId } = idsOf(el);
  const guild = /^\/channels\/(@me|\d+)/.exec(el.ownerDocument.location?.pathname ?? '')?.[1];
  return chatMessage({
    id: messageId,
    author: lineText(head?.querySelector(selectors.username)),
    authorId: /\/avatars\/(\d+)\//.exec(avatarSrc)?.[1],
    timestamp: isoFromDatetime(el.querySelector(selectors.time)?.getAttribute('datetime')),
    permalink:
      guild && channelId && messageId ? `https://discord.com/channels/${guild}/${channelId}/${messageId}` : undefined,
    body: bodyOf(el, messageId),
    bodySkip: selectors.bodySkip,
  });
}

export const discord = defineChatAdapter({
  id: 'discord',
  draftFormat: 'discord',
  selectors,
  matches,
  matchesPath,
  readMessage,
  threadOf(el) {
    const inPane = paneThread(el, selectors.threadPane, selectors.message, readMessage);
    if (inPane) return inPane;
    return snapshot([readMessage(el)], false);
  },
  contextOf(doc) {
    const isDm = (doc.location?.pathname ?? '').startsWith('/channels/@me');
    const server = doc
      .querySelector(selectors.server)
      ?.getAttribute('aria-label')
      ?.replace(/\s*\(server\)$/, '');
    return compact({
      workspace: isDm ? undefined : clip(server, 300),
      channel: clip(channelOf(doc), 300),
      isPrivate: isDm,
    });
  },
});
