import { anchorInModel, buildTextModel } from '@/lib/anchoring';
import { createPainter } from '@/lib/highlight';
import { sendMessage, type PaintableNote } from '@/lib/messaging/protocol';

/**
 * Paints this page's notes. Asks the background once (an indexed lookup); anchoring runs only when the page
 * has notes. `refresh` is called again after a save.
 */
export function createHighlights(signal: AbortSignal) {
  let painter: ReturnType<typeof createPainter> | null = null;
  signal.addEventListener('abort', () => painter?.destroy());

  const canonical = () => document.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.href;

  async function refresh(): Promise<{ painted: number; orphans: PaintableNote[] }> {
    const { notes, focusNoteId } = await sendMessage('getPageNotes', { url: location.href, canonicalUrl: canonical() });
    if (signal.aborted) return { painted: 0, orphans: [] };
    if (notes.length === 0 && !painter) return { painted: 0, orphans: [] };
    painter ??= createPainter(document);
    const root = document.body ?? document.documentElement;
    const items: { id: string; range: Range; isOwn: boolean }[] = [];
    const orphans: PaintableNote[] = [];
    const model = buildTextModel(root); // one read of the page's text for every note
    for (const note of notes) {
      const range = note.selectors.length ? (anchorInModel(note.selectors, model)?.range ?? null) : null;
      if (range) items.push({ id: note.id, range, isOwn: note.isOwn });
      else if (note.selectors.length) orphans.push(note);
    }
    painter.paint(items);
    const focus = items.find((i) => i.id === focusNoteId);
    if (focus) {
      const el = focus.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
    return { painted: items.length, orphans };
  }

  return { refresh };
}
