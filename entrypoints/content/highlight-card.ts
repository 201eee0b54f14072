import { browser } from 'wxt/browser';
import { placeNear, type UiHost } from './ui-host';

export const CARD_WIDTH = 320;
export const CARD_HEIGHT = 132;

/** How the open card was reached: hovering (it goes on scroll) or the keyboard (it follows its highlight). */
export type CardSource = 'pointer' | 'keyboard';

export interface OpenCard {
  noteId: string;
  source: CardSource;
  frame: HTMLIFrameElement;
}

/**
 * The highlight card's frame: an extension page (highlight-card.html) that loads the note from the background
 * by id. Only the id is in the page's DOM; the note's text lives in the extension's origin, out of the page's
 * reach. With `isFocused`, focus moves into the card (its "Open note" button) for keyboard users.
 */
export function createCardFrame(host: UiHost, noteId: string, rect: DOMRect, isFocused: boolean) {
  const frame = document.createElement('iframe');
  frame.className = 'card';
  frame.title = 'Commonplace: note for this highlight';
  frame.dataset.noteId = noteId;
  const params = new URLSearchParams({ id: noteId, ...(isFocused ? { focus: '1' } : {}) });
  frame.src = `${browser.runtime.getURL('/highlight-card.html')}?${params}`;
  placeCard(frame, rect);
  if (isFocused) frame.addEventListener('load', () => frame.focus(), { once: true });
  host.root.append(frame);
  return frame;
}

/** Puts the card just below (or above) the highlighted line, inside the viewport. */
export function placeCard(frame: HTMLIFrameElement, rect: DOMRect) {
  const { left, top } = placeNear(new DOMRect(rect.left, rect.top, 0, rect.height), CARD_WIDTH, CARD_HEIGHT, window);
  frame.style.left = `${left}px`;
  frame.style.top = `${top}px`;
}
