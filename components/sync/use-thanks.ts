import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import type { Note } from '@/lib/model';
import { setThanks, thanksForNotes } from '@/lib/sync/thanks';

const NONE = { count: 0, isThankedByMe: false };

/** One function for every list: memoised cards take it as a prop and never render again for a new one. */
const toggle = (noteId: string, next: boolean) => setThanks(db, noteId, next, Date.now());

/**
 * The thanks of a list's community notes, live, in one query for the whole list (a query per card cost the
 * popup three IndexedDB reads per card on every list typed up), and the toggle that stores and queues a change
 * (the background sends it).
 */
export function useListThanks(notes: readonly Note[]) {
  const community = notes.filter((n) => n.communityId);
  // Keyed by the notes and their communities: the same list (a keystroke that keeps it) asks nothing again.
  const key = community.map((n) => `${n.id}@${n.communityId}`).join(' ');
  const thanks = useLiveQuery(() => thanksForNotes(db, community), [key]);
  return {
    of: (noteId: string) => thanks?.get(noteId) ?? NONE,
    toggle,
  };
}
