import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { setThanks, thanksFor } from '@/lib/sync/thanks';

/** A note's thanks, live, and the toggle that stores and queues a change (the background sends it). */
export function useThanks(noteId: string) {
  const state = useLiveQuery(() => thanksFor(db, noteId), [noteId]);
  const toggle = (next: boolean) => setThanks(db, noteId, next, Date.now());
  return { count: state?.count ?? 0, isThankedByMe: state?.isThankedByMe ?? false, toggle };
}
