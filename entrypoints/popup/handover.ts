import type { Note } from '@/lib/model';

/**
 * What the early paint (early.ts) hands to React, so React neither reads the newest notes again nor shows an
 * empty list for a frame: the rows once read, the read itself while it runs, and whether React took over (from
 * then on the early paint must not touch the page: React owns #root).
 */
export const handover: {
  rows?: Note[];
  reading?: Promise<Note[] | null>;
  limit: number;
  isReactUp: boolean;
} = { limit: 20, isReactUp: false };

/** The early paint's rows when they are for `limit` notes, once: later reads go to the database. */
export function takeEarlyRows(limit: number): { rows?: Note[]; reading?: Promise<Note[] | null> } {
  if (limit !== handover.limit) return {};
  const { rows, reading } = handover;
  handover.rows = undefined;
  handover.reading = undefined;
  return { rows, reading };
}
