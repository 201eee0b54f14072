import type { Note } from './note';
import { noteCardText } from './note-card-text';

type Ranges = readonly (readonly [number, number])[] | undefined;

/**
 * Whether two reads of a note draw the same card. Each keystroke reads its twenty rows from IndexedDB afresh
 * (new objects every time), so identity alone would render every card again: the card compares what it shows
 * instead (its words, kind, community and author), not when the row was last written (a rejection arrives
 * without a new `updatedAt`).
 */
export function isSameCardNote(a: Note, b: Note): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.kind !== b.kind || a.communityId !== b.communityId || a.author?.id !== b.author?.id)
    return false;
  const x = noteCardText(a);
  const y = noteCardText(b);
  return x.label === y.label && x.quote === y.quote && x.takeaway === y.takeaway && x.meta === y.meta;
}

/** Whether two sets of marked ranges mark the same characters (the marks are recomputed for each list). */
export function isSameRanges(a: Ranges, b: Ranges): boolean {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every(([s, e], i) => b![i]![0] === s && b![i]![1] === e);
}
