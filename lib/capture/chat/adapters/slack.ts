import { chatMessage, defineChatAdapter, paneThread } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromMs, previousWith, snapshot, webUrl } from '../dom';
import { lineText } from '../text';
import type { ChatLocation } from '../types';

/** Slack's web client (app.slack.com/client/…): data-qa attributes are its test hooks and change least. */
export const selectors = {
  message: '[data-qa="message_container"]',
  listItem: '[role="listitem"][data-item-key], .c-virtual_list__item[role="listitem"]',
  sender: '[data-qa="message_sender_name"]',
  timestamp: 'a.c-timestamp[data-ts]',
  /** The current client's text hook, then the block-kit wrapper (2020–21), then the pre-block-kit body. */
  body: '[data-qa="message-text"], .c-message_kit__blocks, .c-message__body',
  bodySkip: '.c-message__edited_label, [data-qa="message_content_attachments"], .offscreen',
  edited: '.c-message__edited_label',
  replyCount: '[data-qa="reply_bar_count"]',
  /** The thread pane inside the IA container, and the flexpane that held threads before it. */
  threadPane: '.p-view_contents--secondary, .p-threads_flexpane, .p-flexpane__body',
  threadRoot: '.c-message_kit__thread_message--root',
  threadList: '[role="list"][aria-label]',
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
  // The virtual list item's id ends with the message's ts too (`<channel>-<thread>-thread-list_<ts>`).
  const itemTs = /_(\d+\.\d+)$/.exec(el.closest(selectors.listItem)?.id ?? '')?.[1];
  const ts = el.getAttribute('data-msg-ts') ?? stamp?.getAttribute('data-ts') ?? itemTs;
  return chatMessage({
    id: ts,
    author: lineText(sender),
    authorId: sender?.getAttribute('data-message-sender'),
    // The digits after the dot are a per-second sequence number, not a fraction of a second.
    timestamp: ts ? isoFromMs(Number(ts.split('.')[0]) * 1000) : undefined,
    permalink: webUrl(stamp?.getAttribute('href'), el.ownerDocument.baseURI),
    body: el.querySelector(selectors.body),
    bodySkip: selectors.bodySkip,
    isRoot: el.matches(selectors.threadRoot),
  });
}

/** Slack's titles read `general (Channel) - Workspace - Slack`; the pane's list says `Thread in general (channel)`. */
function channelFromPage(doc: Document): string | undefined {
  const fromTitle = /^(.+?) \((?:Channel|Private channel)\) - /i.exec(doc.title)?.[1];
  const label = doc.querySelector(`${selectors.threadPane} ${selectors.threadList}`)?.getAttribute('aria-label');
  return fromTitle ?? /^Thread in (.+?) \(channel\)$/i.exec(label ?? '')?.[1];
}

/**
 * Slack's composer is a Quill editor (`.ql-editor`, role textbox) inside its `message_input` box; the thread
 * pane's box carries the thread's ts (`data-thread-ts`, real: slack/thread-2021.html). The channel's box is
 * the one outside the pane.
 */
export const composerSelectors = {
  input: '[data-qa="message_input"]',
  editor: '.ql-editor[contenteditable="true"], [contenteditable="true"][role="textbox"]',
} as const;

function findComposer(doc: Document, near?: Element | null): HTMLElement | null {
  const editorIn = (root: ParentNode | null | undefined) =>
    root?.querySelector<HTMLElement>(`${composerSelectors.input} :is(${composerSelectors.editor})`) ?? null;
  const pane = near?.closest(selectors.threadPane);
  if (pane) return editorIn(pane);
  const outside = Array.from(doc.querySelectorAll(composerSelectors.input)).find(
    (box) => !box.closest(selectors.threadPane),
  );
  return editorIn(outside?.parentElement) ?? editorIn(doc);
}

export const slack = defineChatAdapter({
  id: 'slack',
  draftFormat: 'slack',
  selectors,
  composer: { selectors: composerSelectors, find: findComposer },
  matches,
  matchesPath,
  readMessage,
  threadOf(el) {
    const inPane = paneThread(el, selectors.threadPane, selectors.message, (e) => slack.readMessage(e));
    if (inPane) return inPane;
    const isRootWithReplies = !!el.querySelector(selectors.replyCount);
    return snapshot([readMessage(el)], isRootWithReplies);
  },
  contextOf(doc) {
    const parts = doc.title.split(' - ');
    const workspace = parts.length >= 3 && parts.at(-1) === 'Slack' ? parts.at(-2) : undefined;
    const first = doc.querySelector(selectors.message);
    const permalink = first?.querySelector(selectors.timestamp)?.getAttribute('href') ?? '';
    const channelId =
      first?.getAttribute('data-msg-channel-id') ?? /\/archives\/([A-Z0-9]+)\//.exec(permalink)?.[1] ?? '';
    return compact({
      workspace: clip(workspace, 300),
      channel: clip(lineText(doc.querySelector(selectors.channelName)) ?? channelFromPage(doc), 300),
      isPrivate: /^[DG]/.test(channelId) || !!doc.querySelector(selectors.privateIcon),
    });
  },
});
