import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { placeNear, type UiHost } from './ui-host';

/**
 * Shows a small Harvest button by a mouse selection. Only trusted (user) events count: a page script that
 * dispatches clicks or mouseups of its own can't start a harvest, and one that dispatches mousedowns or keys
 * can't hide the button either.
 */
export function registerHarvestButton(
  ctx: ContentScriptContext,
  getHost: () => UiHost,
  onHarvest: (range: Range) => void,
) {
  let button: HTMLButtonElement | null = null;
  let range: Range | null = null;

  const hide = () => {
    button?.remove();
    button = null;
    range = null;
  };

  const show = (r: Range) => {
    const host = getHost();
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'harvest';
      button.textContent = 'Harvest';
      button.setAttribute('aria-label', 'Harvest');
      button.addEventListener('mousedown', (e) => e.preventDefault()); // keep the page's selection
      button.addEventListener('click', (e) => {
        if (!e.isTrusted || !range) return;
        const picked = range;
        hide();
        onHarvest(picked);
      });
      host.root.append(button);
    }
    range = r;
    const { left, top } = placeNear(r.getBoundingClientRect(), 90, 30, window);
    button.style.left = `${left}px`;
    button.style.top = `${top}px`;
  };

  ctx.addEventListener(document, 'mouseup', (e) => {
    if (!e.isTrusted || e.button !== 0) return;
    if (e.composedPath().some((n) => n instanceof HTMLElement && n.localName === 'commonplace-ui')) return;
    // Let the browser settle the selection first (a click inside a selection clears it after mouseup).
    setTimeout(() => {
      const sel = document.getSelection();
      const r = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
      if (r && r.toString().trim()) show(r.cloneRange());
      else hide();
    }, 0);
  });
  // Hiding answers the user only too: a page that dispatches mousedowns or Escapes of its own (a hostile one does,
  // many times a second) would otherwise take the button away before the user can click it.
  ctx.addEventListener(document, 'mousedown', (e) => {
    if (!e.isTrusted) return;
    if (!e.composedPath().some((n) => n instanceof HTMLElement && n.localName === 'commonplace-ui')) hide();
  });
  ctx.addEventListener(document, 'keydown', (e) => {
    if (e.isTrusted && e.key === 'Escape') hide();
  });
  ctx.addEventListener(window, 'scroll', (e) => e.isTrusted && hide(), { passive: true, capture: true });
  ctx.onInvalidated(hide);
}
