import { IGNORE_ATTRIBUTE } from '../anchoring/text-model';
import { hitTest } from './hit-test';
import { COMMUNITY_COLOR, COMMUNITY_LINE, OWN_COLOR, type PaintItem, type Painter } from './types';

const HOST_STYLE =
  'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; ' +
  'pointer-events: none; z-index: 2147483646;';
const BOX_STYLE = `
.box { position: absolute; pointer-events: none; mix-blend-mode: multiply; border-radius: 2px; }
.own { background: ${OWN_COLOR}; }
.community { background: ${COMMUNITY_COLOR}; border-bottom: 2px dotted ${COMMUNITY_LINE}; }`;

/**
 * Fallback where the Highlight API is missing: translucent boxes over each line of a range, in one host element
 * (ignored by anchoring, in a shadow root, no pointer events) so the page's own nodes stay untouched.
 */
export function createOverlayPainter(doc: Document): Painter {
  const win = doc.defaultView;
  let host: HTMLElement | null = null;
  let layer: ShadowRoot | null = null;
  let painted: readonly PaintItem[] = [];
  let frame = 0;

  const ensureLayer = (): ShadowRoot => {
    if (layer && host?.isConnected) return layer;
    host = doc.createElement('commonplace-highlights');
    host.setAttribute(IGNORE_ATTRIBUTE, '');
    host.setAttribute('aria-hidden', 'true');
    host.setAttribute('style', HOST_STYLE);
    layer = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = BOX_STYLE;
    layer.append(style);
    doc.documentElement.append(host);
    return layer;
  };

  const draw = () => {
    const root = ensureLayer();
    for (const old of root.querySelectorAll('.box')) old.remove();
    const hostRect = (host as HTMLElement).getBoundingClientRect();
    const fragment = doc.createDocumentFragment();
    for (const item of painted) {
      if (typeof item.range.getClientRects !== 'function') continue;
      const rects = item.range.getClientRects();
      for (let i = 0; i < rects.length; i++) {
        const r = rects[i] as DOMRect;
        if (r.width <= 0 || r.height <= 0) continue;
        const box = doc.createElement('div');
        box.className = `box ${item.isOwn ? 'own' : 'community'}`;
        box.style.cssText = `left:${r.left - hostRect.left}px;top:${r.top - hostRect.top}px;width:${r.width}px;height:${r.height}px`;
        fragment.append(box);
      }
    }
    root.append(fragment);
  };

  const onResize = () => {
    if (!win || frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      if (painted.length) draw();
    });
  };
  win?.addEventListener('resize', onResize, { passive: true });

  const clear = () => {
    painted = [];
    if (layer) for (const old of layer.querySelectorAll('.box')) old.remove();
  };
  return {
    kind: 'overlay',
    paint(items) {
      painted = [...items];
      draw();
    },
    clear,
    destroy() {
      clear();
      win?.removeEventListener('resize', onResize);
      if (frame) win?.cancelAnimationFrame(frame);
      host?.remove();
      host = null;
      layer = null;
    },
    hitTest: (x, y) => hitTest(painted, x, y, doc),
  };
}
