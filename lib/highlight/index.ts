import { createCssHighlightPainter, supportsCssHighlights } from './css-highlights';
import { createOverlayPainter } from './overlay';
import type { Painter } from './types';

export type { PaintItem, Painter } from './types';
export { OWN_HIGHLIGHT, COMMUNITY_HIGHLIGHT } from './types';

/**
 * The painter for a document: the CSS Custom Highlight API where it exists (no page DOM mutation at all),
 * else overlay boxes in one ignored host element. Call destroy() when the content script is invalidated.
 */
export function createPainter(doc: Document): Painter {
  return supportsCssHighlights(doc) ? createCssHighlightPainter(doc) : createOverlayPainter(doc);
}
