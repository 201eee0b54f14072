import { IGNORE_ATTRIBUTE } from '@/lib/anchoring';
import { HAS_TEST_HOOKS } from '@/lib/build/test-hooks';
/**
 * The one element Commonplace adds to a page: a closed shadow root (page CSS can't leak in or out, and the
 * page's scripts can't reach in: not the Harvest button, not the frames' addresses) holding the Harvest button
 * and, while open, the capture panel's or a highlight card's iframe (extension pages, so the page's scripts
 * can't read what they show). Test builds open it, for Playwright (which cannot pierce a closed root).
 */
export interface UiHost {
  root: ShadowRoot;
  host: HTMLElement;
  destroy(): void;
}

const STYLE = `
:host { all: initial; }
.harvest {
  position: fixed; z-index: 2147483647; display: inline-flex; align-items: center; gap: 4px;
  font: 600 13px/1 system-ui, sans-serif; color: #fff; background: #1f6f4a; border: 0; border-radius: 6px;
  padding: 7px 10px; box-shadow: 0 2px 8px rgb(0 0 0 / .25); cursor: pointer;
}
.harvest:focus-visible { outline: 3px solid #f5b301; outline-offset: 2px; }
.card {
  position: fixed; z-index: 2147483647; width: 320px; height: 132px; border: 0;
  background: transparent; color-scheme: normal;
}
.panel {
  position: fixed; z-index: 2147483647; width: 380px; height: 460px; max-height: calc(100vh - 16px);
  border: 0; border-radius: 10px; box-shadow: 0 8px 30px rgb(0 0 0 / .3); background: transparent; color-scheme: normal;
}
`;

export function createUiHost(doc: Document): UiHost {
  const host = doc.createElement('commonplace-ui');
  host.setAttribute(IGNORE_ATTRIBUTE, ''); // never part of the text notes anchor to
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: HAS_TEST_HOOKS ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  (doc.body ?? doc.documentElement).append(host);
  return { root, host, destroy: () => host.remove() };
}

/** A position near a rectangle that stays inside the viewport. */
export function placeNear(rect: DOMRect, width: number, height: number, win: Window) {
  const margin = 8;
  let left = Math.min(rect.right, win.innerWidth - width - margin);
  let top = rect.bottom + margin;
  if (top + height > win.innerHeight - margin) top = Math.max(margin, rect.top - height - margin);
  left = Math.max(margin, left);
  top = Math.max(margin, Math.min(top, win.innerHeight - height - margin));
  return { left, top };
}
