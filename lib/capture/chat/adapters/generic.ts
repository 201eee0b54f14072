import { chatMessage, defineChatAdapter } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, compact, isoFromDatetime, snapshot, webUrl } from '../dom';
import { lineText } from '../text';

/** A live region (`aria-live`, what `role="log"` implies) other than one that already is a log or feed. */
const LIVE = ':is([aria-live="polite"], [aria-live="assertive"]):not([role="log"], [role="feed"])';

/**
 * Chat apps no adapter knows, read from the structure accessible chat UIs share: a `log` or `feed` of
 * `article`/`listitem` messages (or a live region of elements carrying a message id), a `<time>`, an author
 * link. Weaker than an adapter, never inventive.
 */
export const selectors = {
  container: `[role="log"], [role="feed"], ${LIVE}`,
  message: [
    '[role="log"] > [role="article"], [role="log"] > [role="listitem"], [role="log"] > article, [role="feed"] > article, [role="feed"] > [role="article"], [role="log"] [role="list"] > [role="listitem"], [role="feed"] [role="listitem"]',
    // converse.js 14 (tests/fixtures/chat/generic/converse-muc.html): `div.chat-content[aria-live]`, no roles.
    `${LIVE} [data-msgid], ${LIVE} [data-message-id]`,
  ].join(', '),
  author: [
    '[rel="author"]',
    '[itemprop="author"]',
    '[class*="display-name__html"]',
    '[class*="author"]',
    '[class*="username"]',
    '[class*="sender"]',
    'a[href*="/user"]',
  ].join(', '),
  /** An avatar's initials are not a name: author candidates holding (or inside) one are passed over. */
  avatar: '[class*="avatar" i]',
  /** Messages the app groups under the previous one's name, showing none of their own. */
  followup: '[class*="followup" i], [class*="follow-up" i]',
  time: 'time',
  body: '[itemprop="text"], [class*="body"], [class*="content"], [class*="text"]',
  bodySkip:
    'time, header, footer, [rel="author"], [class*="author"], [class*="username"], [class*="sender"], [class*="display-name"]',
  thread: '[aria-label*="thread" i], [aria-label*="replies" i]',
  labelled: ':is([role="log"], [role="feed"], [role="region"], [role="complementary"])[aria-label]',
  heading: 'h1, h2, h3, [role="heading"]',
} as const;

/** An ISO 8601 date-time in any attribute of `el` (`datetime`, else e.g. converse.js's `timestamp`). */
function isoAttribute(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const values = [el.getAttribute('datetime'), ...Array.from(el.attributes, (a) => a.value)];
  const iso = values.find((v) => v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v));
  return iso ? isoFromDatetime(iso) : undefined;
}

function authorOf(el: Element): string | undefined {
  for (const found of Array.from(el.querySelectorAll(selectors.author))) {
    const avatar = found.closest(selectors.avatar);
    if ((avatar && avatar !== el && el.contains(avatar)) || found.querySelector(selectors.avatar)) continue;
    const name = lineText(found);
    if (name) return name;
  }
  return undefined;
}

/** A follow-up's author: the nearest earlier message in its list that names one (at most 200 back). */
function groupAuthorOf(el: Element): string | undefined {
  if (!el.matches(selectors.followup)) return undefined;
  const list = el.closest(selectors.container);
  if (!list) return undefined;
  const all = Array.from(list.querySelectorAll(selectors.message));
  const at = all.indexOf(el);
  for (let i = at - 1; i >= 0 && i >= at - 200; i--) {
    const name = authorOf(all[i]!);
    if (name) return name;
  }
  return undefined;
}

/** The body: the first candidate that is not a wrapper around the message's header (its time or author). */
function bodyOf(el: Element): Element {
  const candidates = Array.from(el.querySelectorAll(selectors.body));
  return candidates.find((c) => !c.querySelector(`${selectors.time}, ${selectors.author}`)) ?? candidates[0] ?? el;
}

function readMessage(el: Element): ChatMessage {
  const time = el.querySelector(selectors.time);
  const link = time?.closest('a[href]');
  const id =
    el.id ||
    el.getAttribute('data-id') ||
    el.getAttribute('data-message-id') ||
    el.getAttribute('data-msgid') ||
    undefined;
  return chatMessage({
    id: id,
    author: authorOf(el) ?? groupAuthorOf(el),
    timestamp: isoAttribute(time) ?? isoAttribute(el) ?? clip(lineText(time), 100),
    permalink: webUrl(link?.getAttribute('href'), el.ownerDocument.baseURI),
    body: bodyOf(el),
    bodySkip: selectors.bodySkip,
  });
}

/** The heading of the box holding the message list (a room's name above its log), outside the list itself. */
function headingAbove(list: Element | null): string | undefined {
  for (let box = list?.parentElement; list && box; box = box.parentElement) {
    const heading = Array.from(box.querySelectorAll(selectors.heading)).find((h) => !list.contains(h));
    if (heading) return lineText(heading);
  }
  return undefined;
}

export const generic = defineChatAdapter({
  id: 'generic',
  draftFormat: 'plain',
  selectors,
  matches: () => false,
  matchesPath: () => false,
  detects: (doc) => !!doc.querySelector(selectors.message),
  readMessage,
  threadOf(el) {
    const container = el.closest(selectors.container);
    const isThread = !!el.closest(selectors.thread);
    const els = isThread && container ? Array.from(container.querySelectorAll(selectors.message)) : [el];
    return snapshot(els.map(readMessage), isThread);
  },
  contextOf(doc, el) {
    const label = el?.closest(selectors.labelled)?.getAttribute('aria-label');
    const live = el?.closest(LIVE);
    const channel = label ?? (live ? headingAbove(live) : undefined);
    return compact({ channel: clip(channel ?? lineText(doc.querySelector('h1')) ?? doc.title, 300) });
  },
});
