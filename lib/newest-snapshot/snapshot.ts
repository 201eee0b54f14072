import { noteCardText, type NoteCardText } from '../model/note-card-text';
import type { Note } from '../model/note';

/**
 * The popup's newest cards as they were last drawn, kept in the extension origin's localStorage: the one store a
 * page reads synchronously, so the popup paints them in its first frame, before IndexedDB is even opened and
 * before a date is formatted (the cards' words are kept as drawn). The popup then reads the rows and corrects
 * the list if anything changed meanwhile: the snapshot is only ever a first frame, never the truth. Web pages
 * cannot read it (another origin) and content scripts never touch it.
 */
export const SNAPSHOT_KEY = 'commonplace:newest-cards';
/** How many newest notes the popup lists first (and the snapshot keeps). */
export const NEWEST_LIMIT = 20;
const VERSION = 1;
/** Beyond this the snapshot is not kept (twenty very long quotes): the popup then paints after its read. */
const MAX_CHARS = 256 * 1024;

/** One card as drawn: what the early paint needs, nothing else of the note. */
export interface SnapshotCard {
  id: string;
  kind: string;
  text: NoteCardText;
}

/** The cards of `notes` as noteCardText draws them now. */
export const snapshotCards = (notes: readonly Note[]): SnapshotCard[] =>
  notes.map((n) => ({ id: n.id, kind: n.kind, text: noteCardText(n) }));

/** Whether two lists of cards draw the same (a snapshot still true after the read needs no repaint). */
export const isSameCards = (a: readonly SnapshotCard[], b: readonly SnapshotCard[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

// The Storage parameters are named `store`: a `storage` identifier makes WXT's auto-imports add wxt/storage
// (9 kB) to every bundle that loads this module, the popup's first script among them.

/** Stores `cards` (the newest, newest first), replacing the last snapshot. */
export function writeSnapshot(store: Storage, cards: readonly SnapshotCard[]): void {
  const text = JSON.stringify({ v: VERSION, cards });
  try {
    if (text.length > MAX_CHARS) store.removeItem(SNAPSHOT_KEY);
    else if (store.getItem(SNAPSHOT_KEY) !== text) store.setItem(SNAPSHOT_KEY, text);
  } catch {
    // Quota or storage turned off: without a snapshot the popup paints after its read, as it always could.
    store.removeItem(SNAPSHOT_KEY);
  }
}

/**
 * The cards last stored, or null when there are none or they are not in this version's shape (an older
 * build's, a damaged value): the popup then paints after its read.
 */
export function readSnapshot(store: Storage): SnapshotCard[] | null {
  let value: unknown;
  try {
    value = JSON.parse(store.getItem(SNAPSHOT_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (!isObject(value) || value.v !== VERSION || !Array.isArray(value.cards)) return null;
  return value.cards.every(isSnapshotCard) ? value.cards : null;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';

/** Field by field (no zod: the early page loads none). */
function isSnapshotCard(x: unknown): x is SnapshotCard {
  if (!isObject(x) || !isObject(x.text)) return false;
  const { label, quote, takeaway, meta } = x.text;
  return (
    isString(x.id) &&
    isString(x.kind) &&
    isString(label) &&
    isString(quote) &&
    isString(meta) &&
    (takeaway === undefined || isString(takeaway))
  );
}
