import type { ChatMessage } from '../../model/note';
import { clip, closestFrom, compact, snapshot } from './dom';
import { withStructure } from './layered';
import { renderedText } from './text';
import type { ChatAdapter, ThreadSnapshot } from './types';

/** What an adapter found for one message, before it is made safe and bounded for the Note schema. */
export interface FoundMessage {
  id?: string | null;
  author?: string | null;
  authorId?: string | null;
  /** Already ISO 8601 (or the app's own words when it gives nothing better). */
  timestamp?: string;
  permalink?: string;
  /** The element holding the message's words, and what inside it is chrome (edited labels, attachments). */
  body: Element | null | undefined;
  bodySkip: string;
  isRoot?: boolean;
}

/**
 * One place that knows how page-supplied message parts become a stored `ChatMessage`: every string clipped
 * (no NUL, no lone surrogates, bounded), the text read the way a reader sees it, empty fields dropped.
 */
export function chatMessage(found: FoundMessage): ChatMessage {
  return compact({
    id: clip(found.id, 512),
    author: clip(found.author, 200),
    authorId: clip(found.authorId, 200),
    timestamp: found.timestamp,
    permalink: found.permalink,
    text: clip(renderedText(found.body, found.bodySkip), 50_000) ?? '',
    isRoot: found.isRoot || undefined,
  });
}

/**
 * An adapter whose messages are the elements matching `selectors.message`: finding them is the same for all.
 * Its `readMessage` is layered: whatever the adapter's own selectors miss is read again from structure
 * (`withStructure`), so a renamed class costs a field's precision, not the field.
 */
export function defineChatAdapter(
  spec: Omit<ChatAdapter, 'messageAt' | 'messagesIn'> & { selectors: { message: string; bodySkip?: string } },
): ChatAdapter {
  const { message, bodySkip } = spec.selectors;
  return {
    ...spec,
    readMessage: (el) => withStructure(el, spec.readMessage(el), { message, skip: bodySkip }),
    messageAt: (node) => closestFrom(node, message),
    messagesIn: (root) => Array.from(root.querySelectorAll(message)),
  };
}

/** Every rendered message under `root` (a thread pane, a topic), read in document order. */
export function readAll(root: ParentNode, message: string, read: (el: Element) => ChatMessage): ChatMessage[] {
  return Array.from(root.querySelectorAll(message)).map(read);
}

/** The thread a side pane shows when `el` sits in one (Slack, Discord, Teams, Mattermost): all of the pane. */
export function paneThread(
  el: Element,
  pane: string,
  message: string,
  read: (el: Element) => ChatMessage,
): ThreadSnapshot | undefined {
  const found = el.closest(pane);
  return found ? snapshot(readAll(found, message, read), true) : undefined;
}
