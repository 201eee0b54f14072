import { anchorInModel, IGNORE_ATTRIBUTE, readTextModel } from '../anchoring';
import type { Selector } from '../model/selectors';
import { createPainter } from './index';
import type { PaintItem, Painter } from './types';

/** What the content script knows about a note it must show: enough to anchor and style it. */
export interface AnchorNote {
  id: string;
  selectors: readonly Selector[];
  isOwn: boolean;
}

export interface ReanchorOptions {
  root: Element;
  notes: readonly AnchorNote[];
  /** Aborted when the content-script context is invalidated: everything below is torn down. */
  signal: AbortSignal;
  /** Called after every pass whose set of orphans differs from the previous one (also when it empties). */
  onOrphans?: (orphans: readonly AnchorNote[]) => void;
  /** Defaults to createPainter(root.ownerDocument); a painter passed in is not destroyed on abort. */
  painter?: Painter;
  /** Quiet time after the last DOM change before re-anchoring. Default 250 ms. */
  debounceMs?: number;
  /** Upper bound on the wait while the page never stops changing (tickers, lazy lists). Default 2000 ms. */
  maxWaitMs?: number;
  /** Budget per note; a note that runs out orphans for this pass. Default 25 ms. */
  maxNoteMs?: number;
}

export interface Reanchoring {
  readonly painter: Painter;
  /** Replace the notes (SPA navigation, a note saved or synced): re-anchors at once. */
  setNotes(notes: readonly AnchorNote[]): void;
  /** Re-anchor now, e.g. after the content script learns the page finished rendering. */
  refresh(): void;
  /** The range each anchored note covers after the last pass. */
  readonly ranges: ReadonlyMap<string, Range>;
}

/**
 * Keeps a page's notes painted while the page changes: anchors them all, paints them, and re-anchors when
 * the DOM changes (debounced, with a maximum wait, never for our own overlay). Orphans are reported, not
 * dropped. Pure DOM: the caller fetches the notes and wires onOrphans to the UI.
 */
export function startReanchoring(options: ReanchorOptions): Reanchoring {
  const { root, signal } = options;
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const painter = options.painter ?? createPainter(doc);
  const debounceMs = options.debounceMs ?? 250;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  let notes = options.notes;
  let ranges = new Map<string, Range>();
  let lastOrphanKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;

  const pass = () => {
    timer = undefined;
    firstChangeAt = 0;
    if (signal.aborted) return;
    const model = readTextModel(root);
    const items: PaintItem[] = [];
    const orphans: AnchorNote[] = [];
    const next = new Map<string, Range>();
    for (const note of notes) {
      const hit = anchorInModel(note.selectors, model, { maxMs: options.maxNoteMs });
      if (!hit) orphans.push(note);
      else {
        next.set(note.id, hit.range);
        items.push({ id: note.id, range: hit.range, isOwn: note.isOwn });
      }
    }
    ranges = next;
    painter.paint(items);
    const key = orphans.map((o) => o.id).join('\n');
    if (key !== lastOrphanKey) {
      lastOrphanKey = key;
      options.onOrphans?.(orphans);
    }
  };

  const schedule = () => {
    if (signal.aborted) return;
    const now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(pass, Math.max(0, Math.min(debounceMs, firstChangeAt + maxWaitMs - now)));
  };

  const isOurs = (node: Node) => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return Boolean(el?.closest(`[${IGNORE_ATTRIBUTE}]`));
  };
  const Observer = win?.MutationObserver;
  const observer = Observer
    ? new Observer((records) => {
        if (records.some((r) => !isOurs(r.target))) schedule();
      })
    : null;
  observer?.observe(root, { childList: true, subtree: true, characterData: true });

  signal.addEventListener(
    'abort',
    () => {
      observer?.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      if (options.painter) painter.clear();
      else painter.destroy();
      ranges = new Map();
    },
    { once: true },
  );

  if (signal.aborted && !options.painter) painter.destroy();
  if (!signal.aborted) pass();
  return {
    painter,
    setNotes(next) {
      notes = next;
      lastOrphanKey = null;
      if (!signal.aborted) pass();
    },
    refresh() {
      if (!signal.aborted) pass();
    },
    get ranges() {
      return ranges;
    },
  };
}
