import type { ComposerPart } from './types';
import { isWritable } from './write';

/**
 * The layered fallback for apps whose adapter has no composer part (or whose part found nothing after a
 * markup change), and for the generic reader (converse.js's `textarea.chat-textarea`, any accessible chat):
 * the focused editable element, else the writable `textarea` or `[contenteditable][role=textbox]` nearest to
 * the thread's messages, else the only one on the page. Never a guess between two equally near ones.
 */
export const fallbackSelectors = {
  editable: 'textarea, [contenteditable="true"][role="textbox"], [contenteditable=""][role="textbox"]',
  /** What is never a composer: search boxes, hidden clipboard catchers, our own UI. */
  excluded: '[role="search"], [aria-hidden="true"], [hidden], commonplace-ui, [type="search"]',
} as const;

function candidates(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(fallbackSelectors.editable)).filter(
    (el) => isWritable(el) && !el.closest(fallbackSelectors.excluded),
  );
}

export const fallbackComposer: ComposerPart = {
  selectors: fallbackSelectors,
  find(doc, near) {
    const active = doc.activeElement;
    if (active && active !== doc.body && isWritable(active) && !active.closest(fallbackSelectors.excluded))
      return active;
    // Climb from the thread's message: the first ancestor holding exactly one composer holds the thread's.
    for (let scope = near?.parentElement ?? null; scope; scope = scope.parentElement) {
      const found = candidates(scope);
      if (found.length === 1) return found[0]!;
      if (found.length > 1) return null;
    }
    const all = candidates(doc);
    return all.length === 1 ? all[0]! : null;
  },
};
