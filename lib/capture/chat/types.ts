import type { ChatContext, ChatMessage } from '../../model/note';
import type { ComposerPart, DraftFormat } from './composer/types';
import type { MessageField } from './layered';

/** What URL matching needs: the two parts of `window.location` that identify an app and a view. */
export interface ChatLocation {
  hostname: string;
  pathname: string;
  /** Google Chat inside Gmail and Zulip keep the view in the fragment. */
  hash?: string;
}

/** The workspace, channel and privacy of the view, as the app shows them. */
export type ChatPlace = Pick<ChatContext, 'workspace' | 'channel' | 'isPrivate'>;

/**
 * A thread as rendered right now. `messages` holds only what the app put in the DOM (a virtualised list may
 * hold more); `loadedCount` is their number, never a guess at the total.
 */
export interface ThreadSnapshot {
  root: ChatMessage | undefined;
  messages: ChatMessage[];
  loadedCount: number;
  isThread: boolean;
}

/**
 * One chat app, read from its own DOM. Pure: takes nodes, returns values, never touches the page or browser.*.
 * Fragile selectors live in `selectors` so a markup change is a one-line fix next to its fixture.
 */
export interface ChatAdapter {
  /** Stored as `ChatContext.platform`. */
  id: string;
  selectors: Readonly<Record<string, string>>;
  /** The message fields this app renders (default: all of MESSAGE_FIELDS); a missing one is reported as drift. */
  fields?: readonly MessageField[];
  /** Real matching: the app's hosts and view paths (and `detects` for self-hosted apps). */
  matches(location: ChatLocation): boolean;
  /** The path half of `matches`: tests serve fixtures from 127.0.0.1 under these paths (see `hostMatchers`). */
  matchesPath(location: ChatLocation): boolean;
  /** For apps anyone can host on any domain: a marker the app's own page always carries. */
  detects?(doc: Document): boolean;
  /** The message element containing `node`, or null when the node is outside any message. */
  messageAt(node: Node): Element | null;
  /** Every rendered message element under `root`, in document order. */
  messagesIn(root: ParentNode): Element[];
  readMessage(el: Element): ChatMessage;
  threadOf(el: Element): ThreadSnapshot;
  /** `el` narrows it for views that mix channels (Zulip's combined feed). */
  contextOf(doc: Document, el?: Element): ChatPlace;
  /** The writing half: where a relayed answer goes (apps without one use the layered fallback). */
  composer?: ComposerPart;
  /** The markup its composer reads: a relayed draft is written in it. */
  draftFormat: DraftFormat;
}
