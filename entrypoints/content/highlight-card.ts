import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/messaging/messenger';
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
 * with a one-time code this script registered for it. Neither the note id nor its text is in the page's DOM;
 * a page that frames the card itself has no code, and gets nothing. The frame joins the page once its code is
 * here (not if it was retired meanwhile). With `isFocused`, focus moves into the card (its "Open note" button)
 * for keyboard users.
 */
export function createCardFrame(host: UiHost, noteId: string, rect: DOMRect, isFocused: boolean) {
  const frame = document.createElement('iframe');
  frame.className = 'card';
  frame.title = 'Commonplace: note for this highlight';
  placeCard(frame, rect);
  if (isFocused) frame.addEventListener('load', () => frame.focus(), { once: true });
  void sendToBackground('registerNoteCard', { noteId }).then(
    (code) => {
      if (!code || frame.inert) return;
      const params = new URLSearchParams({ code, ...(isFocused ? { focus: '1' } : {}) });
      frame.src = `${browser.runtime.getURL('/highlight-card.html')}?${params}`;
      host.root.append(frame);
    },
    () => undefined, // the extension was updated or reloaded: no card
  );
  return frame;
}

/** Puts the card just below (or above) the highlighted line, inside the viewport. */
export function placeCard(frame: HTMLIFrameElement, rect: DOMRect) {
  const { left, top } = placeNear(new DOMRect(rect.left, rect.top, 0, rect.height), CARD_WIDTH, CARD_HEIGHT, window);
  frame.style.left = `${left}px`;
  frame.style.top = `${top}px`;
}
