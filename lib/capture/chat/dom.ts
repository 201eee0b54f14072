import type { ChatMessage } from '../../model/note';
import type { ThreadSnapshot } from './types';

/** The element a node sits in: text nodes count as their parent. */
export function elementOf(node: Node | null | undefined): Element | null {
  if (!node) return null;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** `closest` from any node (a selection's text node, say). */
export function closestFrom(node: Node | null | undefined, selector: string): Element | null {
  return elementOf(node)?.closest(selector) ?? null;
}

/** Page-supplied strings made safe for the Note schema: no NUL, no lone surrogates, bounded. */
export function clip(value: string | null | undefined, max: number): string | undefined {
  if (value == null) return undefined;
  const s = value.replaceAll('\u0000', '').toWellFormed().trim();
  return s ? s.slice(0, max).toWellFormed() : undefined;
}

export { webUrl } from '../../model/web-url';

/** ISO 8601 from epoch milliseconds, or undefined for anything that is not a plausible time. */
export function isoFromMs(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms <= 0 || ms > 8.64e15) return undefined;
  return new Date(ms).toISOString();
}

/** ISO 8601 from a `datetime` attribute as apps write it; the attribute as given when it does not parse. */
export function isoFromDatetime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? clip(value, 100) : isoFromMs(ms);
}

/** Drops undefined fields so stored objects stay minimal and compare cleanly. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

/**
 * Cozy layouts show a name only on the first message of a run by one person. Walk back through the sibling
 * rows (`item`: the element the list repeats) to the one that names its author; stop after `limit` rows so a
 * hostile page cannot make a read slow. Returns that row.
 */
export function previousWith(el: Element, item: string, has: (row: Element) => boolean, limit = 200): Element | null {
  let row: Element | null = el.closest(item) ?? el;
  for (let i = 0; i < limit && row; i++) {
    row = row.previousElementSibling;
    if (row && has(row)) return row;
  }
  return null;
}

/**
 * A snapshot of what is rendered. The root is the message the app marks as root, else (when `firstIsRoot`,
 * for apps whose thread panes always render the root first) the first one; never one that is not in the DOM.
 */
export function snapshot(messages: ChatMessage[], isThread: boolean, firstIsRoot = true): ThreadSnapshot {
  const root = isThread ? (messages.find((m) => m.isRoot) ?? (firstIsRoot ? messages[0] : undefined)) : undefined;
  if (root && !root.isRoot) root.isRoot = true;
  return { root, messages, loadedCount: messages.length, isThread };
}

/** The first match under `el` that belongs to `el` itself, not to a message nested in it (replies inside posts). */
export function ownQuery(el: Element, selector: string, messageSelector: string): Element | null {
  for (const found of Array.from(el.querySelectorAll(selector))) {
    if (found.parentElement?.closest(messageSelector) === el || found.closest(messageSelector) === el) return found;
  }
  return null;
}
