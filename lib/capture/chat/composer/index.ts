import type { ChatAdapter } from '../types';
import { fallbackComposer } from './fallback';
import { isWritable } from './write';

export type { ComposerPart, ComposerWrite } from './types';
export { composerText, isWritable, writeComposer } from './write';
export { fallbackComposer, fallbackSelectors } from './fallback';

/** Where a relay writes, and whether the app's own composer part found it or the layered fallback did. */
export interface FoundComposer {
  el: HTMLElement;
  via: 'adapter' | 'fallback';
  /** The app's composer is collapsed and did not open when asked: nothing is written, the user is told. */
  isClosed?: boolean;
}

/**
 * The composer of the open thread or channel: the adapter's composer part first (it knows its app), then the
 * layered fallback (`fallbackComposer`). `near` is a rendered message of the question's thread, if any.
 */
export function findComposer(adapter: ChatAdapter | null, doc: Document, near?: Element | null): FoundComposer | null {
  const own = adapter?.composer?.find(doc, near);
  if (isWritable(own)) {
    const isOpen = adapter?.composer?.open?.(doc, own) ?? true;
    return isOpen ? { el: own, via: 'adapter' } : { el: own, via: 'adapter', isClosed: true };
  }
  const fallback = fallbackComposer.find(doc, near);
  return fallback ? { el: fallback, via: 'fallback' } : null;
}
