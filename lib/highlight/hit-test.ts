import type { PaintItem } from './types';

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The text position under a viewport point, or undefined where the browser cannot tell (no caret API). */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null | undefined {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return undefined;
}

function contains(range: Range, caret: { node: Node; offset: number }): boolean {
  try {
    return range.isPointInRange(caret.node, caret.offset);
  } catch {
    return false; // a point in another document or a doctype
  }
}

function isUnder(range: Range, x: number, y: number): boolean {
  if (typeof range.getClientRects !== 'function') return false;
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i] as DOMRect;
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * The painted note under a viewport point: the smallest range under it, so a short note inside a longer one
 * stays reachable. Highlights are not elements, so there is nothing to hover: the caret position at the point
 * picks the few ranges that contain it (cheap with hundreds painted), and their client rects confirm the
 * pointer is really over their text (the caret snaps to the nearest text even over a margin).
 */
export function hitTest(items: readonly PaintItem[], x: number, y: number, doc?: Document): string | null {
  const caret = doc ? caretAt(doc, x, y) : undefined;
  if (caret === null) return null;
  let best: { id: string; size: number } | null = null;
  for (const item of items) {
    if (caret && !contains(item.range, caret)) continue;
    if (!isUnder(item.range, x, y)) continue;
    const size = item.range.toString().length;
    if (!best || size < best.size) best = { id: item.id, size };
  }
  return best?.id ?? null;
}
