import { chatMessage } from '../adapter-kit';
import type { ChatMessage } from '../../../model/note';
import { clip, closestFrom, compact, isoFromDatetime, snapshot, webUrl } from '../dom';
import { lineText, renderedText } from '../text';
import type { ChatAdapter, ChatLocation } from '../types';

/**
 * GitHub issues, pull requests and discussions, in both markups GitHub serves: the React issue viewer
 * (`data-testid` attributes, hashed CSS-module classes) and the server-rendered timeline (pull requests,
 * discussions, issues before the React viewer). Fixtures: `tests/fixtures/chat/github/` (provenance in its README).
 */
export const selectors = {
  /** One element per comment, in either markup; `messageIdPattern` below is the structural fallback. */
  message: '.timeline-comment-group[id], .react-issue-body, .react-issue-comment',
  /** React viewer, when its class names drift: the test ids it is built around. */
  reactMessage: '[data-testid="issue-body"], [data-testid^="comment-viewer-outer-box-"]',
  author: 'a.author, [data-testid="issue-body-header-author"], a[data-testid="avatar-link"]',
  avatar: 'img[src*="avatars.githubusercontent.com/u/"]',
  time: 'relative-time[datetime], time[datetime]',
  permalink: 'a.js-timestamp, a[data-testid="issue-body-header-link"]',
  body: '.comment-body, [data-testid="markdown-body"], .markdown-body',
  /** Inside a body: the edit history menu, the reactions bar and the copy button of code blocks. */
  bodySkip: '.js-comment-edit-history, [role="toolbar"], .zeroclipboard-container',
  /** Outside a body, when no body is found: everything that is not the comment's words. */
  chrome:
    '.timeline-comment-header, [data-testid="comment-header"], .js-comment-edit-history, [role="toolbar"], h2.sr-only, h3, button',
  item: '.js-comment-container, .TimelineItem',
  title: 'bdi[data-testid="issue-title"], .js-issue-title, [data-component="PH_Title"] .markdown-title',
  privateLabel: '#repository-container-header .Label',
  publicMeta: 'meta[name="octolytics-dimension-repository_public"]',
} as const;

/** GitHub's own anchors: the id of every comment in every markup, and the fragment of its permalink. */
const messageIdPattern = /^(issue|pullrequest|discussion|issuecomment|discussioncomment)-\d+$/;
const rootIdPattern = /^(issue|pullrequest|discussion)-\d+$/;
const anyMessage = `${selectors.message}, ${selectors.reactMessage}, [id^="issue"], [id^="pullrequest-"], [id^="discussion"]`;

const matchesPath = ({ pathname }: ChatLocation): boolean =>
  /^\/[\w.-]+\/[\w.-]+\/(issues|pull|discussions)\/\d+/.test(pathname);
const matches = (loc: ChatLocation): boolean => loc.hostname === 'github.com' && matchesPath(loc);

function isMessage(el: Element): boolean {
  return el.matches(selectors.message) || el.matches(selectors.reactMessage) || messageIdPattern.test(el.id);
}

/**
 * Whether a message element stands on its own. Where markups nest, the outer element is the message: a pull
 * request's description (`#pullrequest-N` inside `#issue-N`), the React comment's header (`#issuecomment-N`
 * inside `.react-issue-comment`), the test-id box inside the classed one. Discussions are the exception: a
 * reply (`#discussioncomment-N`) may sit inside the comment it answers and is a message of its own.
 */
function isOwnMessage(el: Element): boolean {
  if (!isMessage(el)) return false;
  if (/^discussioncomment-\d+$/.test(el.id)) return true;
  for (let cur = el.parentElement; cur; cur = cur.parentElement) if (isMessage(cur)) return false;
  return true;
}

/** The message `el` sits in (itself included). */
function messageAround(el: Element | null): Element | null {
  for (let cur = el; cur; cur = cur.parentElement) if (isOwnMessage(cur)) return cur;
  return null;
}

/** Every comment once, in document order. */
function messagesIn(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll(anyMessage)).filter(isOwnMessage);
}

/** Whether `found` is part of `el` itself: not inside a reply or timeline item nested in it. */
function isOwnPart(found: Element, el: Element): boolean {
  for (let cur = found.parentElement; cur && cur !== el; cur = cur.parentElement) {
    if (cur.matches(selectors.item) || isOwnMessage(cur)) return false;
  }
  return true;
}

/** The first match in `el`'s own header area: not inside its body (headers carry author, time, link). */
function headerQuery(el: Element, selector: string): Element | null {
  for (const found of Array.from(el.querySelectorAll(selector))) {
    if (!found.closest(selectors.body) && isOwnPart(found, el)) return found;
  }
  return null;
}

/** A link to a user's profile (`/login` or `https://github.com/login`) with the login as its text. */
function profileLink(el: Element): Element | null {
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    if (a.closest(selectors.body) || !isOwnPart(a, el)) continue;
    const path = (a.getAttribute('href') ?? '').replace(/^https:\/\/github\.com/, '');
    const login = /^\/([A-Za-z0-9-]+(?:\[bot\])?)\/?$/.exec(path)?.[1];
    if (login && lineText(a) === login) return a;
  }
  return null;
}

/** The link a comment's time sits in: GitHub's permalink in every markup. */
function timeLink(el: Element): Element | null {
  for (const t of Array.from(el.querySelectorAll(selectors.time))) {
    const a = t.closest('a[href*="#"]');
    if (a && el.contains(a) && !a.closest(selectors.body) && isOwnPart(a, el)) return a;
  }
  return null;
}

function idOf(el: Element, permalink: string | undefined): string | undefined {
  if (messageIdPattern.test(el.id)) return el.id;
  const inner = Array.from(el.querySelectorAll('[id]')).find((x) => messageIdPattern.test(x.id));
  if (inner) return inner.id;
  const fragment = permalink ? new URL(permalink).hash.slice(1) : '';
  return messageIdPattern.test(fragment) ? fragment : undefined;
}

/** Elements that carry a comment's words in GitHub's Markdown rendering. */
const PROSE = 'p, pre, ol, ul, blockquote, table, task-lists, h1, h2, h3, h4';

/**
 * The block around `link` (a comment's permalink) that holds the header: climb while no sibling on the way
 * holds prose, so the climb stops just below the element that also holds the comment's words.
 */
function headerBlock(el: Element, link: Element): Element {
  let cur = link;
  while (cur.parentElement && cur.parentElement !== el) {
    const siblings = Array.from(cur.parentElement.children).filter((c) => c !== cur);
    if (siblings.some((c) => c.matches(PROSE) || c.querySelector(PROSE))) break;
    cur = cur.parentElement;
  }
  return cur;
}

function bodyOf(el: Element, link: Element | null): { body: Element; skip: string } {
  const body = Array.from(el.querySelectorAll(selectors.body)).find((b) => isOwnPart(b, el));
  if (body) return { body, skip: selectors.bodySkip };
  // Structure fallback: the comment's own element without the block that holds its author and permalink
  // (read from a copy: the page is never changed), minus toolbars and buttons.
  const skip = `${selectors.bodySkip}, ${selectors.chrome}`;
  if (!link) return { body: el, skip };
  const path: number[] = [];
  for (let cur: Element = headerBlock(el, link); cur !== el && cur.parentElement; cur = cur.parentElement) {
    path.unshift(Array.from(cur.parentElement.children).indexOf(cur));
  }
  const copy = el.cloneNode(true) as Element;
  let target: Element | undefined = copy;
  for (const i of path) target = target?.children[i];
  target?.remove();
  return { body: renderedText(copy, skip) ? copy : el, skip };
}

function readMessage(el: Element): ChatMessage {
  const item = el.closest(selectors.item) ?? el;
  const avatar = (headerQuery(el, selectors.avatar) ?? item.querySelector(selectors.avatar))?.getAttribute('src');
  const link = headerQuery(el, selectors.permalink) ?? timeLink(el);
  const permalink = webUrl(link?.getAttribute('href'), el.ownerDocument.baseURI);
  const id = idOf(el, permalink);
  const { body, skip } = bodyOf(el, link);
  return chatMessage({
    id,
    author: lineText(headerQuery(el, selectors.author) ?? profileLink(el)),
    authorId: /\/u\/(\d+)/.exec(avatar ?? '')?.[1],
    timestamp: isoFromDatetime(headerQuery(el, selectors.time)?.getAttribute('datetime')),
    permalink,
    body,
    bodySkip: skip,
    isRoot: rootIdPattern.test(id ?? ''),
  });
}

/**
 * The discussion's title: the page's heading, else the document title before its `Issue #12` part
 * (`Title · Issue #12 · owner/repo`; pull requests add the author: `Title by login · Pull Request #31 · …`).
 */
function titleOf(doc: Document): string | undefined {
  const heading = lineText(doc.querySelector(selectors.title));
  if (heading) return heading;
  const parts = doc.title.split(' · ');
  const kind = parts.findIndex((p) => /^(Issue|Pull Request|Discussion) #\d+$/.test(p));
  if (kind < 1) return undefined;
  const title = parts.slice(0, kind).join(' · ');
  return (parts[kind]!.startsWith('Pull') ? title.replace(/ by [\w-]+(\[bot\])?$/, '') : title).trim() || undefined;
}

function isPrivate(doc: Document): boolean {
  const labels = Array.from(doc.querySelectorAll(selectors.privateLabel)).map((l) => lineText(l));
  if (labels.includes('Private')) return true;
  if (labels.includes('Public')) return false;
  return doc.querySelector(selectors.publicMeta)?.getAttribute('content') === 'false';
}

export const github: ChatAdapter = {
  id: 'github',
  draftFormat: 'markdown',
  selectors,
  matches,
  matchesPath,
  messageAt: (node) => messageAround(closestFrom(node, '*')),
  messagesIn,
  readMessage,
  threadOf(el) {
    // "Load more…" hides the middle of long conversations: what is not rendered is not in the snapshot.
    const all = messagesIn(el.ownerDocument).map(readMessage);
    return snapshot(all, true, false);
  },
  contextOf(doc) {
    const [owner, repo] = (doc.location?.pathname ?? '').split('/').slice(1, 3);
    return compact({
      workspace: clip(owner && repo ? `${owner}/${repo}` : undefined, 300),
      channel: clip(titleOf(doc), 300),
      isPrivate: isPrivate(doc),
    });
  },
};
