import type { ChatMessage } from '../../../model/note';
import { adapterFor, findMessageElement, type AdapterOptions } from '../index';
import type { ChatLocation } from '../types';
import { findComposer } from './index';
import type { ComposerWrite } from './types';
import { writeComposer } from './write';

/** What the background asks a chat tab to write (see ToContent.writeRelayDraft). */
export interface RelayRequest {
  draft: string;
  /** The question's message: the composer of its thread (a pane, a chat box) is the one written. */
  ref?: Pick<ChatMessage, 'id' | 'permalink' | 'author' | 'timestamp'>;
  /** The user said yes to replacing their own unsent words. */
  replaceUserDraft?: boolean;
}

/** What came of it: a composer write (with who found the composer), or no composer on this page. */
export type RelayWrite =
  | (ComposerWrite & { via: 'adapter' | 'fallback'; platform: string })
  | { status: 'no-composer' }
  /** The app's message box is collapsed and did not open (Zulip's closed compose box). */
  | { status: 'closed-composer' };

/**
 * Writes a relayed answer into this page's composer through the adapter that reads the page (or the layered
 * fallback). `ours` remembers, per composer, the last draft written here, so a second relay replaces our own
 * unsent draft but never words the user typed.
 */
export function relayInto(
  doc: Document,
  location: ChatLocation,
  req: RelayRequest,
  ours: WeakMap<Element, string>,
  opts?: AdapterOptions,
): RelayWrite {
  const adapter = adapterFor(location, doc, opts);
  const near = adapter && req.ref ? findMessageElement(adapter, doc, { ...req.ref, text: '' }) : null;
  const found = findComposer(adapter, doc, near);
  if (!found) return { status: 'no-composer' };
  if (found.isClosed) return { status: 'closed-composer' };
  const result = writeComposer(found.el, req.draft, {
    ours: ours.get(found.el),
    replaceUserDraft: req.replaceUserDraft === true,
  });
  if (result.status === 'written') ours.set(found.el, req.draft);
  return { ...result, via: found.via, platform: adapter?.id ?? 'unknown' };
}
