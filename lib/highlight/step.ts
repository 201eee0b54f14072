import type { PaintItem } from './types';

/**
 * Which highlight a keyboard step lands on, given them in document order: the one after (or before) the
 * current card's, wrapping around; with no card open, the first one below the top of the viewport (or the
 * last one above its bottom), so the first step starts where the reader is, not at the top of the page.
 */
export function stepTarget(
  items: readonly PaintItem[],
  currentId: string | null,
  direction: 'next' | 'previous',
  viewportTopOf: (item: PaintItem) => number,
  viewportHeight: number,
): PaintItem | null {
  if (items.length === 0) return null;
  const forward = direction === 'next';
  const at = currentId === null ? -1 : items.findIndex((i) => i.id === currentId);
  if (at >= 0) return items[(at + (forward ? 1 : items.length - 1)) % items.length] as PaintItem;
  if (forward) return items.find((i) => viewportTopOf(i) >= 0) ?? (items[0] as PaintItem);
  return [...items].reverse().find((i) => viewportTopOf(i) < viewportHeight) ?? (items[items.length - 1] as PaintItem);
}
