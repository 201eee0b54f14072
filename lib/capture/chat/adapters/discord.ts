import type { ChatMessage } from '../../../model/note';
import { clip, closestFrom, compact, isoFromDatetime, previousWith, snapshot } from '../dom';
import { lineText, renderedText } from '../text';
import type { ChatAdapter, ChatLocation } from '../types';

/** Discord's web client: ids are stable (`chat-messages-<channel>-<message>`); classes carry a hash suffix. */
export const selectors = {
  message: 'li[id^="chat-messages-"]',
  list: 'ol[data-list-id="chat-messages"]',
  username: 'span[id^="message-username-"] [class*="username"]',
  avatar: 'img[class*="avatar"]',
  time: 'time[id^="message-timestamp-"]',
  body: 'div[id^="message-content-"]',
  bodySkip: '[class*="edited"], [class*="timestamp"]',
  threadPane: '[class*="threadSidebar"]',
  channelName: 'section[aria-label="Channel header"] h1',
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

function readMessage(el: Element): ChatMessage {
  const head = el.querySelector(selectors.username)
    ? el
    : previousWith(el, selectors.message, (e) => !!e.querySelector(selectors.username));
  const avatarSrc = head?.querySelector(selectors.avatar)?.getAttribute('src') ?? '';
  const { channelId, messageId } = idsOf(el);
  const guild = /^\/channels\/(@me|\d+)/.exec(el.ownerDocument.location?.pathname ?? '')?.[1];
  return compact({
    id: clip(messageId, 512),
    author: clip(lineText(head?.querySelector(selectors.username)), 200),
    authorId: clip(/\/avatars\/(\d+)\//.exec(avatarSrc)?.[1], 200),
    timestamp: isoFromDatetime(el.querySelector(selectors.time)?.getAttribute('datetime')),
    permalink:
      guild && channelId && messageId ? `https://discord.com/channels/${guild}/${channelId}/${messageId}` : undefined,
    text: clip(renderedText(el.querySelector(selectors.body), selectors.bodySkip), 50_000) ?? '',
  });
}

export const discord: ChatAdapter = {
  id: 'discord',
  selectors,
  matches,
  matchesPath,
  messageAt: (node) => closestFrom(node, selectors.message),
  messagesIn: (root) => Array.from(root.querySelectorAll(selectors.message)),
  readMessage,
  threadOf(el) {
    const pane = el.closest(selectors.threadPane);
    if (pane) return snapshot(Array.from(pane.querySelectorAll(selectors.message)).map(readMessage), true);
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
      channel: clip(lineText(doc.querySelector(selectors.channelName)), 300),
      isPrivate: isDm,
    });
  },
};
