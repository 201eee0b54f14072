import { anchorInModel, buildTextModel, IGNORE_ATTRIBUTE, type TextModel } from '@/lib/anchoring';
import { HAS_TEST_HOOKS } from '@/lib/build/test-hooks';
import { adapterFor, findMessageElement, type AdapterOptions } from '@/lib/capture/chat';
import { createPainter, type PaintItem, type Painter } from '@/lib/highlight';
import { sendToBackground } from '@/lib/messaging/messenger';
import { type PageStatus, type PaintableNote } from '@/lib/messaging/protocol';

const MIN_DELAY = 250;
const MAX_DELAY = 5_000;

/**
 * Paints this page's notes and keeps them painted: asks the background once per URL (an indexed lookup),
 * anchors only when the page has notes, and re-anchors when the DOM changes (late content, re-renders) —
 * debounced, backing off when anchoring gets expensive — and when a single-page app changes URL.
 */
export function createHighlights(signal: AbortSignal, loadChatOptions: () => Promise<AdapterOptions | undefined>) {
  let chatOptions: AdapterOptions | undefined;
  let painter: Painter | null = null;
  let notes: PaintableNote[] = [];
  let status: PageStatus = { url: location.href, painted: [], orphans: [] };
  let focusNoteId: string | undefined;
  /** What is painted now, in document order (keyboard steps go through it top to bottom). */
  let paintedItems: PaintItem[] = [];
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = MIN_DELAY;
  /** The URL the current `notes` belong to; a single-page app may have moved on since. */
  let notesUrl = '';

  const canonical = () => document.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.href;

  function anchorAll() {
    const started = performance.now();
    const root = document.body ?? document.documentElement;
    const model = buildTextModel(root); // one read of the page's text for every note
    const readMs = performance.now() - started;
    const methods: Record<string, number> = {};
    const items: PaintItem[] = [];
    const painted: PaintableNote[] = [];
    const orphans: PaintableNote[] = [];
    const offscreen: PaintableNote[] = [];
    const chat = notes.some((n) => n.chatMessage)
      ? adapterFor(
          { hostname: location.hostname, pathname: location.pathname, hash: location.hash },
          document,
          chatOptions,
        )
      : null;
    for (const note of notes) {
      if (!note.selectors.length) continue; // page and link notes have nothing to paint
      // Chat notes: find the message by identity first, then the quote inside it. A message that is not
      // rendered (scrolled away, virtualised) is "not on screen", never an orphan.
      let scope: TextModel = model;
      if (chat && note.chatMessage) {
        const el = findMessageElement(chat, document, note.chatMessage);
        if (!el) {
          offscreen.push(note);
          continue;
        }
        scope = buildTextModel(el);
      }
      const hit =
        anchorInModel(note.selectors, scope) ?? (scope === model ? null : anchorInModel(note.selectors, model));
      const range = hit?.range;
      if (hit) methods[hit.method] = (methods[hit.method] ?? 0) + 1;
      if (range) {
        items.push({ id: note.id, range, isOwn: note.isOwn });
        painted.push(note);
      } else orphans.push(note);
    }
    items.sort((x, y) => x.range.compareBoundaryPoints(Range.START_TO_START, y.range));
    if (items.length || painter) (painter ??= createPainter(document)).paint(items);
    paintedItems = items;
    // Read by bench:paint (content-script start → all painted). Test builds only: the page shares the timeline,
    // and a mark would tell it the extension is installed and how much of the page is highlighted.
    if (HAS_TEST_HOOKS) {
      performance.mark('commonplace:painted', {
        detail: {
          painted: items.length,
          orphans: orphans.length,
          anchorMs: performance.now() - started,
          readMs,
          methods,
        },
      });
    }
    status = { url: location.href, painted, orphans, offscreen };
    const focus = items.find((i) => i.id === focusNoteId);
    if (focus) {
      focusNoteId = undefined;
      focus.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
    // Expensive pages get re-anchored less often.
    const cost = performance.now() - started;
    delay = cost > 30 ? Math.min(delay * 2, MAX_DELAY) : MIN_DELAY;
  }

  const isOurs = (n: Node) => (n instanceof Element ? n : n.parentElement)?.closest(`[${IGNORE_ATTRIBUTE}]`) !== null;

  function watch() {
    if (observer || notes.length === 0) return;
    observer = new MutationObserver((records) => {
      if (records.every((r) => isOurs(r.target))) return;
      clearTimeout(timer);
      // SPAs re-render when they navigate: a new URL means other notes, not a re-anchor of these.
      timer = setTimeout(() => (location.href === notesUrl ? anchorAll() : void refresh()), delay);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }

  signal.addEventListener('abort', () => {
    observer?.disconnect();
    clearTimeout(timer);
    painter?.destroy();
  });

  /** Loads this URL's notes from the background and paints them. */
  async function refresh(): Promise<PageStatus> {
    const url = location.href;
    const res = await sendToBackground('getPageNotes', { url, canonicalUrl: canonical() });
    if (signal.aborted) return status;
    if (location.href !== url) return refresh(); // navigated while we asked: these notes are stale
    notes = res.notes;
    notesUrl = url;
    if (notes.some((n) => n.chatMessage)) chatOptions = await loadChatOptions();
    focusNoteId = res.focusNoteId ?? focusNoteId;
    if (notes.length === 0 && !painter) {
      status = { url: location.href, painted: [], orphans: [] };
      return status;
    }
    anchorAll();
    watch();
    return status;
  }

  return {
    refresh,
    status: () => status,
    /** Painted highlights in document order. */
    items: (): readonly PaintItem[] => paintedItems,
    /** The painted note under a viewport point, if any. */
    hitTest: (x: number, y: number) => painter?.hitTest(x, y) ?? null,
  };
}
