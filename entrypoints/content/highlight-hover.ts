import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PaintItem } from '@/lib/highlight';
import { stepTarget } from '@/lib/highlight/step';
import { onContentMessage } from '@/lib/messaging/messenger';
import { type HighlightStep } from '@/lib/messaging/protocol';
import { createCardFrame, placeCard, type CardSource, type OpenCard } from './highlight-card';
import type { UiHost } from './ui-host';

/** Hover intent: the pointer rests this long on a highlight before its card opens. */
const SHOW_DELAY = 120;
/** Grace to move from the highlight onto its card before it closes. */
const HIDE_DELAY = 300;
/** Pointer moves are hit-tested at most this often. */
const MOVE_THROTTLE = 50;
/** A replaced card goes at the latest this long after its successor was created, loaded or not. */
const RETIRE_LIMIT = 1000;
/** A hidden card leaves the DOM this long after it was hidden. */
const HIDDEN_GRACE = 250;

interface Highlights {
  items(): readonly PaintItem[];
  hitTest(x: number, y: number): string | null;
}

const isOurUi = (e: Event) =>
  e.composedPath().some((n) => n instanceof HTMLElement && n.localName === 'commonplace-ui');
const isInteractive = (t: EventTarget | null) =>
  t instanceof Element && t.closest('a[href], button, input, select, textarea, label, [contenteditable]') !== null;
/** The first line box of a range: where its card is placed. */
const lineRect = (range: Range) => range.getClientRects()[0] ?? range.getBoundingClientRect();

/**
 * Shows a highlight's note in a small card: on hover (with intent), on click, and from the keyboard
 * (Alt+Shift+J / Alt+Shift+K, as browser commands or keys on the page), which scrolls to the next or previous
 * highlight and focuses the card's "Open note". Only trusted events count: a page script can't open, move or
 * read it. Dismissed on Escape, on leaving highlight and card, and on scroll (a keyboard card follows instead).
 */
export function registerHighlightCard(ctx: ContentScriptContext, getHost: () => UiHost, highlights: Highlights) {
  let card: OpenCard | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let lastMove = 0;
  let pendingId: string | null = null;
  let returnFocus: HTMLElement | null = null;
  const retiring: HTMLIFrameElement[] = [];
  let retireTimer: ReturnType<typeof setTimeout> | undefined;

  const rangeOf = (id: string) => highlights.items().find((i) => i.id === id)?.range ?? null;

  /**
   * A card never leaves the DOM at once: it turns inert (no pointer, focus or assistive tech; focus goes back
   * to the page) and is removed once its successor has loaded, or a moment after it was hidden. So no blank
   * flash between two cards, and a key still on its way to the focused card never lands in a vanished frame.
   */
  function retire(frame: HTMLIFrameElement, after: number) {
    frame.inert = true;
    frame.setAttribute('aria-hidden', 'true');
    retiring.push(frame);
    clearTimeout(retireTimer);
    retireTimer = setTimeout(retireNow, after);
  }
  function retireNow() {
    clearTimeout(retireTimer);
    for (const f of retiring.splice(0)) f.remove();
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    pendingId = null;
    if (!card) return;
    const wasFocused = card.source === 'keyboard' || document.activeElement === getHost().host;
    card.frame.style.visibility = 'hidden';
    retire(card.frame, HIDDEN_GRACE);
    card = null;
    if (wasFocused && returnFocus?.isConnected) returnFocus.focus({ preventScroll: true });
    else if (wasFocused) window.focus();
    returnFocus = null;
  }

  function show(id: string, source: CardSource) {
    const range = rangeOf(id);
    if (!range) return;
    clearTimeout(hideTimer);
    if (card?.noteId === id && card.source === source) return;
    if (card) retire(card.frame, RETIRE_LIMIT);
    if (source === 'keyboard' && !card) {
      const active = document.activeElement;
      returnFocus = active instanceof HTMLElement && active !== getHost().host ? active : null;
    }
    const frame = createCardFrame(getHost(), id, lineRect(range), source === 'keyboard');
    frame.addEventListener('load', retireNow, { once: true });
    frame.addEventListener('pointerenter', () => clearTimeout(hideTimer));
    frame.addEventListener('pointerleave', () => card?.source === 'pointer' && scheduleHide());
    card = { noteId: id, source, frame };
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, HIDE_DELAY);
  }

  function onPointer(x: number, y: number) {
    const id = highlights.hitTest(x, y);
    if (id && id === card?.noteId) {
      clearTimeout(hideTimer);
      return;
    }
    if (id !== pendingId) {
      clearTimeout(showTimer);
      pendingId = id;
      if (id) showTimer = setTimeout(() => show(id, 'pointer'), SHOW_DELAY);
    }
    if (card?.source === 'pointer') scheduleHide();
  }

  function step(action: HighlightStep) {
    if (action === 'close') return hide();
    const items = highlights.items();
    const target = stepTarget(items, card?.noteId ?? null, action, (i) => lineRect(i.range).top, window.innerHeight);
    if (!target) return;
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    show(target.id, 'keyboard');
  }

  ctx.addEventListener(
    document,
    'pointermove',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'touch' || isOurUi(e)) return;
      const now = performance.now();
      if (now - lastMove < MOVE_THROTTLE) return;
      lastMove = now;
      onPointer(e.clientX, e.clientY);
    },
    { passive: true },
  );
  ctx.addEventListener(document, 'click', (e) => {
    if (!e.isTrusted || e.button !== 0 || isOurUi(e) || isInteractive(e.target)) return;
    if (!document.getSelection()?.isCollapsed) return; // the user selected text, maybe to harvest it
    const id = highlights.hitTest(e.clientX, e.clientY);
    if (id) show(id, 'pointer');
  });
  ctx.addEventListener(document, 'keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape' && card) hide();
    else if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyJ' || e.code === 'KeyK')) {
      e.preventDefault();
      step(e.code === 'KeyJ' ? 'next' : 'previous');
    }
  });
  ctx.addEventListener(
    window,
    'scroll',
    () => {
      if (!card) return;
      if (card.source === 'pointer') return hide();
      const range = rangeOf(card.noteId);
      if (range) placeCard(card.frame, lineRect(range));
    },
    { passive: true, capture: true },
  );
  const offStep = onContentMessage('stepHighlight', ({ data }) => {
    if (data?.action === 'next' || data?.action === 'previous' || data?.action === 'close') step(data.action);
  });
  ctx.onInvalidated(() => {
    offStep();
    hide();
    retireNow();
  });
}
