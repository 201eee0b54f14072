import type { Note } from './note';

type Ranges = readonly (readonly [number, number])[] | undefined;

/**
 * Whether two reads of a note draw the same card. Each keystroke reads its twenty rows from IndexedDB afresh
 * (new objects every time), so identity alone would render every card again: the card compares what it shows
 * instead (what noteCardText makes its words of, kind, community and author), not when the row was last
 * written (a rejection arrives without a new `updatedAt`). A new field on the card must be added here too.
 */
export function isSameCardNote(a: Note, b: Note): boolean {
  if (a === b) return true;
  // The fields noteCardText reads, compared as they are: building both cards' text here would cost a date
  // format per card per keystroke (an Intl call), more than the render it saves.
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.communityId === b.communityId &&
    a.quote === b.quote &&
    a.takeaway === b.takeaway &&
    a.createdAt === b.createdAt &&
    a.page.title === b.page.title &&
    a.page.siteName === b.page.siteName &&
    a.page.url === b.page.url &&
    a.author?.id === b.author?.id &&
    a.author?.name === b.author?.name &&
    a.sync?.isRejected === b.sync?.isRejected &&
    a.sync?.rejectReason === b.sync?.rejectReason &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

/** Whether two sets of marked ranges mark the same characters (the marks are recomputed for each list). */
export function isSameRanges(a: Ranges, b: Ranges): boolean {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every(([s, e], i) => b![i]![0] === s && b![i]![1] === e);
}
