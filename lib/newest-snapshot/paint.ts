import { NOTE_KINDS } from '../model/note-kinds';
import type { SnapshotCard } from './snapshot';

/**
 * The popup's page before React, drawn from cards' words (the stored snapshot's, or a note's through
 * snapshotCards): plain DOM, loading nothing but the kinds' list, so the popup's first script (entrypoints/
 * popup-first-paint) can bundle it whole. The elements, classes and accessible names are those React renders
 * (components/NoteCard, entrypoints/popup/App): a test holds the cards to the same HTML.
 */

/** The search box's id before React is up (React's own input replaces it, taking its text). */
export const EARLY_INPUT_ID = 'early-search';

/** An element with string properties (id, className, type…) and text or element children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...kids);
  return e;
}

/**
 * One card from its words as drawn (no date is formatted here), built with text nodes only: notes from other
 * members are untrusted. Its buttons do nothing until React takes over (entrypoints/popup/early/boot-react).
 */
export function cardElement({ id, kind, text }: SnapshotCard): HTMLElement {
  const card = el('article', { id: `note-${id}`, className: 'note' });
  card.setAttribute('aria-current', 'false');
  card.setAttribute('aria-label', text.label);
  card.append(el('p', { className: 'quote' }, text.quote));
  if (text.takeaway) {
    const p = el('p', {}, el('strong', {}, 'Takeaway:'), ` ${text.takeaway}`);
    p.style.margin = '0 0 4px';
    card.append(p);
  }
  card.append(el('div', { className: 'meta' }, el('span', { className: 'chip' }, kind), text.meta));
  const button = (label: string) => el('button', { type: 'button' }, label);
  card.append(el('div', { className: 'actions' }, button('Open'), button('Edit'), button('Delete')));
  return card;
}

/** Cards as the list's items. */
export const listItems = (cards: readonly SnapshotCard[]) => cards.map((c) => el('li', {}, cardElement(c)));

function chipRow(label: string, names: string[], pressed?: string) {
  const row = el('div', { className: 'row' });
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', label);
  for (const name of names) {
    const b = el('button', { type: 'button', className: 'chip' }, name);
    b.setAttribute('aria-pressed', String(name === pressed));
    row.append(b);
  }
  return row;
}

/**
 * The popup's first paint before React: the search box (focused, so typing starts at once) and the newest
 * notes as a list, laid out like App's so nothing jumps when React replaces it. Rendered into `root` (React's
 * first commit clears it in the same frame it shows its own). Empty store: the box only (App shows the hint).
 * `cards`: the stored snapshot (painted before any read), or the notes read.
 */
export function paintEarly(root: HTMLElement, cards: readonly SnapshotCard[], help: string): void {
  const input = el('input', { id: EARLY_INPUT_ID, type: 'search', placeholder: 'Search harvested notes' });
  input.setAttribute('aria-describedby', `${EARLY_INPUT_ID}-help`);
  const main = el(
    'main',
    { className: 'popup' },
    el('label', { htmlFor: EARLY_INPUT_ID, className: 'visually-hidden' }, 'Search harvested notes'),
    input,
  );
  const helpLine = el(
    'div',
    { id: `${EARLY_INPUT_ID}-help`, className: 'muted' },
    `↑↓ to move, Enter to open the page at the quote. ${help}`,
  );
  helpLine.style.fontSize = '12px';
  main.append(helpLine, chipRow('View', ['All notes', 'This page'], 'All notes'));
  root.replaceChildren(main);
  showNewest(root, cards);
  // Without scrolling it into view (it is at the top already): focus() would otherwise lay out the whole page
  // there and then, inside this script, and the frame would lay it out again once the off-screen cards are
  // skipped (content-visibility). Traced: the forced layout was 60% of the early script's time.
  input.focus({ preventScroll: true });
}

/**
 * The newest notes in place of those painted (the read's rows where the snapshot painted first and was out of
 * date): the box, its text and its focus stay as they are. No notes: no list and no kind chips, as React.
 */
export function showNewest(root: HTMLElement, cards: readonly SnapshotCard[]): void {
  const main = root.querySelector('main')!;
  const list = main.querySelector('ul.results');
  if (cards.length === 0) {
    main.querySelector('[aria-label="Filter by kind"]')?.remove();
    list?.remove();
  } else if (list) list.replaceChildren(...listItems(cards));
  else {
    const fresh = el('ul', { className: 'results' });
    fresh.setAttribute('aria-label', 'Harvested notes');
    fresh.append(...listItems(cards));
    main.append(chipRow('Filter by kind', [...NOTE_KINDS]), fresh);
  }
}
