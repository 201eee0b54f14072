import { chatMessage, defineChatAdapter } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, previousWith, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** Zulip's web app (zulipchat.com or self-hosted): message rows grouped under one recipient (channel > topic). */
export const selectors = {
  message: '.message_row[data-message-id]',
  group: '.recipient_row',
  sender: '.message_sender .sender_name',
  avatar: '.inline_profile_picture',
  time: 'a.message-time',
  body: '.message_content',
  bodySkip: '.message_edit_notice, .copy-paste-text',
  date: '.recipient_row_date',
  channel: '.message_header .stream_label',
  topic: '.message_header .stream-topic-inner',
  dmHeader: '.message_header_private_message',
  dmName: '.private_message_header_name',
  lockIcon: '.message_header .zulip-icon-lock',
  marker: '#message_feed_container',
} as const;

const matchesPath = ({ pathname, hash = '' }: ChatLocation): boolean =>
  pathname === '/' && /^#(narrow\/|feed|all_messages|combined-feed)/.test(hash);

function readMessage(el: Element): ChatMessage {
  const group = el.closest(selectors.group);
  const head = el.querySelector(selectors.sender)
    ? el
    : previousWith(el, selectors.message, (e) => !!e.querySelector(selectors.sender));
  const userClass = head?.querySelector(selectors.avatar)?.className.match(/\bu-(\d+)\b/)?.[1];
  const time = el.querySelector(selectors.time);
  // Zulip renders only a clock time; the day comes from the group's date label.
  const shown = [lineText(group?.querySelector(selectors.date)), lineText(time)].filter(Boolean).join(' ');
  return chatMessage({
    id: el.getAttribute('data-message-id'),
    author: lineText(head?.querySelector(selectors.sender)),
    authorId: userClass,
    timestamp: clip(shown, 100),
    permalink: webUrl(time?.getAttribute('href'), el.ownerDocument.baseURI),
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
  });
}

/**
 * Zulip has one compose box for the whole app, a plain textarea (zulip/zulip `web/templates/compose.hbs`):
 * `#compose-textarea` in `#send_message_form`; the topic it goes to is the compose box's recipient.
 */
export const composerSelectors = {
  textarea: '#send_message_form textarea#compose-textarea, textarea.new_message_textarea[name="content"]',
  /** Zulip's closed compose box hides this (compose_actions' hide_box: `$(".message_comp").hide()`). */
  box: '.message_comp',
  /** …and shows "Message #channel > topic", which opens it for the topic in view (compose_closed_ui). */
  replyButton: '#left_bar_compose_reply_button_big',
} as const;

const isShown = (el: HTMLElement) => {
  const box = el.closest<HTMLElement>(composerSelectors.box);
  return !box || (box.style.display !== 'none' && !box.hidden);
};

/**
 * Opens a closed compose box as the user does, with a click on its reply button (Zulip then shows the box
 * addressed to the topic in view and focuses the textarea). False when it stays closed (no button, or it is
 * disabled: "There are no messages to reply to").
 */
function openCompose(doc: Document, el: HTMLElement): boolean {
  if (isShown(el)) return true;
  const button = doc.querySelector<HTMLButtonElement>(composerSelectors.replyButton);
  if (!button || button.disabled) return false;
  button.click();
  return isShown(el);
}

export const zulip = defineChatAdapter({
  id: 'zulip',
  draftFormat: 'markdown',
  selectors,
  composer: {
    selectors: composerSelectors,
    find: (doc) => doc.querySelector<HTMLTextAreaElement>(composerSelectors.textarea),
    open: openCompose,
  },
  matches: matchesPath,
  matchesPath,
  detects: (doc) => !!doc.querySelector(selectors.marker),
  readMessage,
  threadOf(el) {
    // A topic is Zulip's thread; only the loaded part of it is in the DOM, so no message is called its root.
    const group = el.closest(selectors.group);
    const els = group ? Array.from(group.querySelectorAll(selectors.message)) : [el];
    return snapshot(els.map(readMessage), true, false);
  },
  contextOf(doc, el) {
    const group = el?.closest(selectors.group) ?? doc.querySelector(selectors.group);
    const parts = doc.title.split(' - ');
    const dm = group?.querySelector(selectors.dmHeader);
    const channel = dm
      ? lineText(group?.querySelector(selectors.dmName))
      : [lineText(group?.querySelector(selectors.channel)), lineText(group?.querySelector(selectors.topic))]
          .filter(Boolean)
          .join(' > ');
    return compact({
      workspace: clip(parts.length >= 3 && parts.at(-1) === 'Zulip' ? parts.at(-2) : undefined, 300),
      channel: clip(channel, 300),
      isPrivate: !!dm || !!group?.querySelector(selectors.lockIcon),
    });
  },
});
