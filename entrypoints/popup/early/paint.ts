import type { Note } from '@/lib/model';
import { snapshotCards } from '@/lib/newest-snapshot/snapshot';
import { cardElement, EARLY_INPUT_ID, listItems } from '@/lib/newest-snapshot/paint';

/**
 * One note as components/NoteCard renders it (same elements, classes, text and accessible name; the words from
 * the same noteCardText), without React: this page runs before React is loaded.
 */
export const earlyCard = (note: Note): HTMLElement => cardElement(snapshotCards([note])[0]!);

/** Shows `notes` in place of the early list (the answer to a query typed before React was up). */
export function repaintEarlyList(root: HTMLElement, notes: Note[]): void {
  root.querySelector('ul.results')?.replaceChildren(...listItems(snapshotCards(notes)));
}

/** Text typed into the early search box before React took over ('' when there is none). */
export const earlyQuery = (): string =>
  (document.getElementById(EARLY_INPUT_ID) as HTMLInputElement | null)?.value ?? '';
