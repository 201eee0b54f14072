import type { ChatContext, ChatMessage, Person } from '../../model/note';
import { discord } from './adapters/discord';
import { discourse } from './adapters/discourse';
import { generic } from './adapters/generic';
import { github } from './adapters/github';
import { googleChat } from './adapters/google-chat';
import { mattermost } from './adapters/mattermost';
import { slack } from './adapters/slack';
import { teams } from './adapters/teams';
import { zulip } from './adapters/zulip';
import { elementOf } from './dom';
import { missingFields, type MessageField } from './layered';
import type { ChatAdapter, ChatLocation } from './types';
import type { DraftFormat } from './composer/types';

export type { ChatAdapter, ChatLocation, ChatPlace, ThreadSnapshot } from './types';
export { observeMessages, type MessageListChange, type ObserveOptions } from './observer';

/** Every platform adapter, in matching order. The meta-test holds each to its fixtures. */
export const ADAPTERS: readonly ChatAdapter[] = [
  slack,
  teams,
  discord,
  googleChat,
  mattermost,
  zulip,
  discourse,
  github,
];
export { generic as genericAdapter };

/** The markup the app stored as `platform` reads in its composer (a relayed draft is written in it). */
export function draftFormatOf(platform: string): DraftFormat {
  return [...ADAPTERS, generic].find((a) => a.id === platform)?.draftFormat ?? 'plain';
}

export interface AdapterOptions {
  /** Replaces an adapter's URL test by id (tests serve fixtures from 127.0.0.1); real matching is untouched. */
  matchers?: Readonly<Record<string, (location: ChatLocation) => boolean>>;
  /** Fall back to the ARIA reader on unknown apps (default true). */
  allowGeneric?: boolean;
}

/** Matchers that accept `hostname` (e.g. 127.0.0.1) wherever the real app's paths would match. For tests. */
export function hostMatchers(hostname: string): Record<string, (location: ChatLocation) => boolean> {
  return Object.fromEntries(
    ADAPTERS.map((a) => [a.id, (loc: ChatLocation) => loc.hostname === hostname && a.matchesPath(loc)]),
  );
}

/**
 * The adapter for this page: a platform adapter whose URL matches (and, for self-hosted apps, whose marker
 * the page carries), else the generic ARIA reader when the page looks like a chat log, else null.
 */
export function adapterFor(location: ChatLocation, doc: Document, opts: AdapterOptions = {}): ChatAdapter | null {
  for (const adapter of ADAPTERS) {
    const test = opts.matchers?.[adapter.id] ?? adapter.matches;
    if (test(location) && (adapter.detects?.(doc) ?? true)) return adapter;
  }
  return opts.allowGeneric !== false && generic.detects?.(doc) ? generic : null;
}

/** The messages a range touches, in document order, bounded to the rendered list that holds the range. */
function messagesInRange(adapter: ChatAdapter, range: Range): Element[] {
  const start = adapter.messageAt(range.startContainer);
  const end = adapter.messageAt(range.endContainer);
  if (start && start === end) return [start];
  const scope = elementOf(range.commonAncestorContainer);
  if (!scope) return [];
  // Teams nests replies inside their post: a range from a post into its replies touches the post too.
  const outer = adapter.messageAt(scope);
  const inside = adapter.messagesIn(scope).filter((el) => range.intersectsNode(el));
  return outer ? [outer, ...inside] : inside;
}

/**
 * Chat context for a selection: platform, place, and each message the selection touches. Null when the page
 * is not a chat or the selection is outside every message (then the note is an ordinary web note).
 */
export function chatContextForRange(
  range: Range,
  doc: Document,
  location: ChatLocation,
  opts?: AdapterOptions,
): ChatContext | null {
  const adapter = adapterFor(location, doc, opts);
  if (!adapter) return null;
  const els = messagesInRange(adapter, range).slice(0, 5000);
  const first = els[0];
  if (!first) return null;
  const thread = adapter.threadOf(first);
  return {
    platform: adapter.id,
    ...adapter.contextOf(doc, first),
    ...(thread.isThread && thread.root ? { threadRoot: thread.root, isThread: true } : {}),
    messages: els.map((el) => adapter.readMessage(el)),
  };
}

/**
 * "Harvest thread": the whole thread around `node` as rendered. `loadedCount` says how many messages were
 * loaded; messages a virtualised list did not render are not in it and are never guessed.
 */
export function threadContextAt(
  node: Node,
  doc: Document,
  location: ChatLocation,
  opts?: AdapterOptions,
): ChatContext | null {
  const adapter = adapterFor(location, doc, opts);
  const el = adapter?.messageAt(node);
  if (!adapter || !el) return null;
  const thread = adapter.threadOf(el);
  return {
    platform: adapter.id,
    ...adapter.contextOf(doc, el),
    ...(thread.root ? { threadRoot: thread.root } : {}),
    messages: thread.messages.slice(0, 5000),
    isThread: thread.isThread,
    loadedCount: thread.loadedCount,
  };
}

/** The people to credit: each distinct author of the harvested messages, ids namespaced by platform. */
export function contributorsOf(chat: ChatContext): Person[] {
  const people = new Map<string, Person>();
  for (const m of [...(chat.threadRoot ? [chat.threadRoot] : []), ...chat.messages]) {
    if (!m.author) continue;
    const id = `${chat.platform}:${m.authorId ?? m.author}`.slice(0, 128);
    if (!people.has(id)) people.set(id, { id, name: m.author });
  }
  return [...people.values()].slice(0, 200);
}

/**
 * Re-anchoring by identity: the rendered element of a stored message, by id, then permalink, then author and
 * timestamp. Null means "not on screen" (scrolled away or virtualised), not "orphaned".
 */
export function findMessageElement(adapter: ChatAdapter, root: ParentNode, ref: ChatMessage): Element | null {
  const els = adapter.messagesIn(root);
  const read = new Map<Element, ChatMessage>();
  const get = (el: Element) => read.get(el) ?? read.set(el, adapter.readMessage(el)).get(el)!;
  const tests: ((m: ChatMessage) => boolean)[] = [];
  if (ref.id) tests.push((m) => m.id === ref.id);
  if (ref.permalink) tests.push((m) => m.permalink === ref.permalink);
  if (ref.author && ref.timestamp) tests.push((m) => m.author === ref.author && m.timestamp === ref.timestamp);
  for (const test of tests) for (const el of els) if (test(get(el))) return el;
  return null;
}

/**
 * What to hand `observeMessages`: the nearest element holding every rendered message (the app's list), so
 * the observer sees re-renders without watching the whole page. `doc.body` when nothing is rendered yet.
 */
export function messageListRoot(adapter: ChatAdapter, doc: Document): Element {
  const els = adapter.messagesIn(doc);
  const [first, last] = [els[0], els.at(-1)];
  let root: Element | null = first?.parentElement ?? null;
  while (root && last && !root.contains(last)) root = root.parentElement;
  return root ?? doc.body;
}

/**
 * What the adapter could not read for the harvested message (the first one a selection touches, or a thread's
 * root): the capture panel names these fields. `channel` joins them when the view's place was not read.
 */
export function missingInContext(chat: ChatContext): (MessageField | 'channel')[] {
  const adapter = ADAPTERS.find((a) => a.id === chat.platform) ?? (chat.platform === generic.id ? generic : null);
  const first = chat.threadRoot ?? chat.messages[0];
  if (!adapter || !first) return [];
  return [...missingFields(first, adapter.fields), ...(chat.channel ? [] : (['channel'] as const))];
}
