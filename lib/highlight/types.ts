/** One anchored note to paint. `isOwn` picks the look: the user's own notes versus the community's. */
export interface PaintItem {
  id: string;
  range: Range;
  isOwn: boolean;
}

/** Paints anchored notes without touching the page's nodes; everything it adds is undone by destroy(). */
export interface Painter {
  /** Replaces whatever was painted before. */
  paint(items: readonly PaintItem[]): void;
  clear(): void;
  destroy(): void;
  /** The id of the painted note under a viewport point (clientX/clientY), for hover and click. */
  hitTest(x: number, y: number): string | null;
  /** Which technique is in use: the CSS Custom Highlight API, or overlay boxes where it is missing. */
  readonly kind: 'css-highlights' | 'overlay';
}

export const OWN_HIGHLIGHT = 'commonplace-own';
export const COMMUNITY_HIGHLIGHT = 'commonplace-community';

export const OWN_COLOR = 'rgba(255, 204, 0, 0.38)';
export const COMMUNITY_COLOR = 'rgba(64, 156, 255, 0.22)';
export const COMMUNITY_LINE = 'rgb(40, 120, 220)';
