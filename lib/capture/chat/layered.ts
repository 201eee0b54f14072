import type { ChatMessage } from '../../model/note';
import { clip, isoFromDatetime, isoFromMs, webUrl } from './dom';
import { lineText, renderedText } from './text';

/** The fields of a message a reader expects; an adapter that cannot read one of them has drifted. */
export const MESSAGE_FIELDS = ['id', 'author', 'timestamp', 'permalink', 'text'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

/**
 * Markup that outlives class renames, tried after an adapter's own selectors miss: microdata, `time[datetime]`,
 * sender attributes, links around the time. Each is a fact of how chat UIs are built, not of one app.
 */
const STRUCTURE = {
  idAttrs: ['data-message-id', 'data-msg-ts', 'data-post-id', 'data-item-key', 'data-mid'],
  author:
    '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel~="author"], [data-message-sender], a[data-user-card]',
  time: 'time[datetime], [itemprop="datePublished"][content], [itemprop="dateCreated"][content], [data-time], [data-ts]',
  permalink: 'a[href][class*="timestamp" i], a[href][class*="permalink" i], a[href][class*="post-date" i]',
  body: '[itemprop="text"], [itemprop="articleBody"], [itemprop="commentText"]',
  /** What surrounds the words inside a message: header, reactions, toolbars, avatars, edit markers. */
  chrome: [
    'header',
    'time',
    'button',
    '[role="toolbar"]',
    '[role="menu"]',
    '[itemprop="author"]',
    '[rel~="author"]',
    '[data-message-sender]',
    '[class*="header" i]',
    '[class*="sender" i]',
    '[class*="author" i]',
    '[class*="avatar" i]',
    '[class*="timestamp" i]',
    '[class*="reaction" i]',
    '[class*="toolbar" i]',
    '[class*="message_actions" i]',
    '[class*="message-actions" i]',
    '[class*="edited" i]',
    '[class*="offscreen" i]',
    '[class*="post-info" i]',
    '[class*="meta" i]',
  ].join(', '),
} as const;

/** "Name at 8:21 AM Friday, September 6 wrote, …": the label some apps give a message row for screen readers. */
const WROTE = /^(.{1,100}?) at (.{3,60}?) wrote\b/;

const filled = new WeakMap<ChatMessage, MessageField[]>();

/** The fields of `m` that came from structure because the adapter's own selectors missed them. */
export function filledByStructure(m: ChatMessage): readonly MessageField[] {
  return filled.get(m) ?? [];
}

/** `selector`'s first match under `el` that is not inside a message nested in it. */
function own(el: Element, selector: string, message?: string): Element | null {
  for (const found of Array.from(el.querySelectorAll(selector))) {
    if (!message || found.parentElement?.closest(message) === el) return found;
  }
  return null;
}

function timeOf(node: Element): string | undefined {
  const ms = node.getAttribute('data-time');
  if (ms) return isoFromMs(Number(ms));
  const ts = node.getAttribute('data-ts');
  if (ts) return isoFromMs(Number(ts.split('.')[0]) * 1000);
  return isoFromDatetime(node.getAttribute('datetime') ?? node.getAttribute('content'));
}

/**
 * The message `m` an adapter read from `el`, with every field it missed read again from structure (see
 * STRUCTURE). Never overrides what the adapter read. `message` is the adapter's message selector, so a reply
 * nested in a post lends the post nothing; `skip` is the adapter's own list of chrome inside a body.
 */
export function withStructure(
  el: Element,
  m: ChatMessage,
  opts: { message?: string; skip?: string } = {},
): ChatMessage {
  const out: ChatMessage = { ...m };
  const got: MessageField[] = [...filledByStructure(m)];
  const set = <K extends MessageField>(field: K, value: ChatMessage[K] | undefined) => {
    if (value === undefined || value === '') return;
    out[field] = value;
    got.push(field);
  };
  const wrote = WROTE.exec(el.getAttribute('aria-label') ?? '');
  if (!out.id) {
    const holder = [el, el.closest('[role="listitem"]')].find((e) => STRUCTURE.idAttrs.some((a) => e?.hasAttribute(a)));
    const attr = STRUCTURE.idAttrs.find((a) => holder?.hasAttribute(a));
    set('id', clip(attr ? holder?.getAttribute(attr) : undefined, 512));
  }
  if (!out.author) {
    const a = own(el, STRUCTURE.author, opts.message);
    set('author', clip(lineText(a) ?? wrote?.[1], 200));
  }
  const time = own(el, STRUCTURE.time, opts.message);
  if (!out.timestamp) set('timestamp', (time && timeOf(time)) ?? clip(wrote?.[2], 100));
  if (!out.permalink) {
    const link = time?.closest('a[href]') ?? own(el, STRUCTURE.permalink, opts.message);
    set('permalink', webUrl(link?.getAttribute('href'), el.ownerDocument.baseURI));
  }
  if (!out.text) {
    const skip = [STRUCTURE.chrome, opts.skip].filter(Boolean).join(', ');
    const body = own(el, STRUCTURE.body, opts.message);
    set('text', clip(renderedText(body, opts.skip) || renderedText(el, skip, true), 50_000));
  }
  // A message with no words at all (an image, a poll) still has a text, empty: the note schema requires one.
  if (out.text === undefined) out.text = '';
  if (got.length) filled.set(out, [...new Set(got)]);
  return out;
}

/** The fields a reader expects that neither the adapter nor structure could read: the adapter has drifted. */
export function missingFields(m: ChatMessage, expected: readonly MessageField[] = MESSAGE_FIELDS): MessageField[] {
  return expected.filter((f) => (f === 'text' ? !m.text : m[f] === undefined));
}
