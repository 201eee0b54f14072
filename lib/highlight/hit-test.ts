import type { PaintItem } from './types';

/**
 * The painted note under a viewport point: the smallest range whose client rects contain it, so a short
 * note inside a longer one stays reachable. Rects are read on demand because scrolling moves them.
 */
export function hitTest(items: readonly PaintItem[], x: number, y: number): string | null {
  let best: { id: string; size: number } | null = null;
  for (const item of items) {
    if (typeof item.range.getClientRects !== 'function') return null;
    const rects = item.range.getClientRects();
    for (let i = 0; i < rects.length; i++) {
      const r = rects[i] as DOMRect;
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
        const size = item.range.toString().length;
        if (!best || size < best.size) best = { id: item.id, size };
        break;
      }
    }
  }
  return best?.id ?? null;
}
