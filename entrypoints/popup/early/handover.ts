import type { Note } from '@/lib/model';
import { NEWEST_LIMIT } from '@/lib/newest-snapshot/snapshot';

/**
 * What the early paint (early.ts) hands to React, so React neither reads the newest notes again nor shows an
 * empty list for a frame: the rows once read, the read itself while it runs, and whether React took over (from
 * then on the early paint must not touch the page: React owns #root).
 */
export const handover: {
  rows?: Note[];
  /** The newest notes as the popup opened (shown again when the early box is cleared). */
  newest?: Note[];
  /** The query `rows` answer ('' for the newest notes): typed before React was up, answered by early-search. */
  query: string;
  reading?: Promise<Note[] | null>;
  limit: number;
  isReactUp: boolean;
} = { limit: NEWEST_LIMIT, query: '', isReactUp: false };
