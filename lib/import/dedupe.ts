import type { Note } from '../model';
import { normalizeText } from '../text/normalize';

type Comparable = Pick<Note, 'id' | 'pageKey' | 'quote' | 'takeaway'>;

/** Same page, same quote, same note text (normalised): the same note, whatever tool it came from. */
const contentKey = (n: Comparable) =>
  `${n.pageKey}\u0001${normalizeText(n.quote).replace(/\s+/g, ' ').trim()}\u0001${normalizeText(n.takeaway).replace(/\s+/g, ' ').trim()}`;

/**
 * Drops notes that already exist (same id, or same page + quote + text) or repeat within the import.
 * Returns the fresh notes and how many were dropped.
 */
export function dropDuplicates(
  notes: Note[],
  existing: Iterable<Comparable> = [],
): { fresh: Note[]; duplicates: number } {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const n of existing) {
    ids.add(n.id);
    keys.add(contentKey(n));
  }
  const fresh: Note[] = [];
  for (const n of notes) {
    const k = contentKey(n);
    if (ids.has(n.id) || keys.has(k)) continue;
    ids.add(n.id);
    keys.add(k);
    fresh.push(n);
  }
  return { fresh, duplicates: notes.length - fresh.length };
}
