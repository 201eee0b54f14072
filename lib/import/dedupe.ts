import type { Note } from '../model';
import { normalizeText } from '../text/normalize';

type Comparable = Pick<Note, 'id' | 'pageKey' | 'quote' | 'takeaway'> & Partial<Pick<Note, 'selectors' | 'origin'>>;

const norm = (s: string) => normalizeText(s).replace(/\s+/g, ' ').trim();

/**
 * Where on the page a note sits, as far as its source says: the text position, else the source's own location
 * ("Location 145-147") or link to that one highlight. Empty when the source gives none.
 */
function positionOf(n: Comparable): string {
  const pos = n.selectors?.find((s) => s.type === 'TextPositionSelector');
  if (pos?.type === 'TextPositionSelector') return `${pos.start}-${pos.end}`;
  return n.origin?.location ?? n.origin?.link ?? '';
}

/** Same page, same quote, same note text, same position: the same note, whatever tool it came from. */
const contentKey = (n: Comparable) =>
  `${n.pageKey}\u0001${norm(n.quote)}\u0001${norm(n.takeaway)}\u0001${positionOf(n)}`;

/**
 * Drops notes that already exist (same id, or same page + quote + text + position) or repeat within the import.
 * The same sentence highlighted at three places stays three notes. Returns the fresh notes and how many were
 * dropped.
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
