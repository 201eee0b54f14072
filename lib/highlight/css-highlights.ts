import { hitTest } from './hit-test';
import {
  COMMUNITY_COLOR,
  COMMUNITY_HIGHLIGHT,
  COMMUNITY_LINE,
  OWN_COLOR,
  OWN_HIGHLIGHT,
  type PaintItem,
  type Painter,
} from './types';

const RULES = `
::highlight(${OWN_HIGHLIGHT}) { background-color: ${OWN_COLOR}; }
::highlight(${COMMUNITY_HIGHLIGHT}) {
  background-color: ${COMMUNITY_COLOR};
  text-decoration: underline dotted ${COMMUNITY_LINE};
  text-decoration-thickness: 2px;
}`;

type HighlightWindow = Window & {
  Highlight?: typeof Highlight;
  CSS?: { highlights?: HighlightRegistry };
  CSSStyleSheet: typeof CSSStyleSheet;
};

/** True where the CSS Custom Highlight API and constructable stylesheets are both present. */
export function supportsCssHighlights(doc: Document): boolean {
  const win = doc.defaultView as HighlightWindow | null;
  return Boolean(win?.Highlight && win.CSS?.highlights && 'adoptedStyleSheets' in doc);
}

/**
 * Paints with the CSS Custom Highlight API: ranges are registered, never wrapped in elements, so the page's
 * DOM, its frameworks and its selection behave as if we were not there.
 */
export function createCssHighlightPainter(doc: Document): Painter {
  const win = doc.defaultView as HighlightWindow;
  const HighlightCtor = win.Highlight as typeof Highlight;
  const registry = win.CSS?.highlights as HighlightRegistry;
  const own = new HighlightCtor();
  const community = new HighlightCtor();
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(RULES);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  registry.set(OWN_HIGHLIGHT, own);
  registry.set(COMMUNITY_HIGHLIGHT, community);
  let painted: readonly PaintItem[] = [];

  const clear = () => {
    own.clear();
    community.clear();
    painted = [];
  };
  return {
    kind: 'css-highlights',
    paint(items) {
      clear();
      for (const item of items) (item.isOwn ? own : community).add(item.range);
      painted = [...items];
    },
    clear,
    destroy() {
      clear();
      if (registry.get(OWN_HIGHLIGHT) === own) registry.delete(OWN_HIGHLIGHT);
      if (registry.get(COMMUNITY_HIGHLIGHT) === community) registry.delete(COMMUNITY_HIGHLIGHT);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    hitTest: (x, y) => hitTest(painted, x, y, doc),
  };
}
