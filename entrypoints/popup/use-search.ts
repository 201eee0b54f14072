import Fuse, { type FuseResultMatch } from 'fuse.js';
import { useMemo } from 'react';
import type { MatchRanges } from '@/components/NoteCard';
import type { Note } from '@/lib/model';

export interface Hit {
  note: Note;
  matches?: MatchRanges;
}

const KEYS = [
  { name: 'quote', weight: 2 },
  { name: 'takeaway', weight: 2 },
  { name: 'page.title', weight: 1 },
  { name: 'tags', weight: 1 },
  { name: 'page.siteName', weight: 0.5 },
];

function ranges(matches: readonly FuseResultMatch[] | undefined): MatchRanges {
  const out: Record<string, (readonly [number, number])[]> = {};
  for (const m of matches ?? []) if (m.key) out[m.key] = m.indices.filter(([s, e]) => e - s >= 1);
  return out;
}

/** Fuzzy search over the given notes (typo-tolerant), newest first when the query is empty. */
export function useNoteSearch(notes: Note[], query: string, limit = 20): Hit[] {
  const fuse = useMemo(
    () =>
      new Fuse(notes, {
        keys: KEYS,
        includeMatches: true,
        ignoreLocation: true,
        threshold: 0.4,
        minMatchCharLength: 2,
      }),
    [notes],
  );
  return useMemo(() => {
    const q = query.trim();
    if (!q) return notes.slice(0, limit).map((note) => ({ note }));
    return fuse.search(q, { limit }).map((r) => ({ note: r.item, matches: ranges(r.matches) }));
  }, [fuse, notes, query, limit]);
}
