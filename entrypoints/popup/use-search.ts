import Fuse, { type FuseResultMatch } from 'fuse.js';
import { useEffect, useMemo, useState } from 'react';
import type { MatchRanges } from '@/components/NoteCard';
import { db, notes as notesRepo, searchIndex } from '@/lib/db';
import type { Note } from '@/lib/model';
import type { SearchIndex } from '@/lib/search';

export interface Hit {
  note: Note;
  matches?: MatchRanges;
}

const KEYS = ['quote', 'takeaway', 'page.title'];

/** Marks for the words that matched, computed on the handful of notes shown (never on the whole store). */
function marks(note: Note, query: string): MatchRanges {
  const words = query.replace(/\b\w+:\S+|"|-\S+/g, ' ').trim();
  if (!words) return {};
  const [r] = new Fuse([note], {
    keys: KEYS,
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.4,
    minMatchCharLength: 2,
  }).search(words);
  const out: Record<string, (readonly [number, number])[]> = {};
  for (const m of (r?.matches ?? []) as FuseResultMatch[])
    if (m.key) out[m.key] = m.indices.filter(([s, e]) => e - s >= 1);
  return out;
}

/**
 * The popup's search: the newest notes at once (an indexed read of 20 rows), then the saved search index —
 * loaded without materialising every note — answers each keystroke synchronously, so a stale result can never
 * replace a newer one. `version` searches again after this page's own writes.
 */
export function useNoteSearch(query: string, version: number, limit = 20) {
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [hits, setHits] = useState<Hit[] | undefined>(undefined);

  useEffect(() => {
    let isCurrent = true;
    void searchIndex.open().then((i) => {
      if (!isCurrent) return;
      setIndex(i);
      const warm = () => i.warm();
      if ('requestIdleCallback' in window) requestIdleCallback(warm);
      else setTimeout(warm, 50);
    });
    return () => {
      isCurrent = false;
    };
  }, [version]);

  const ids = useMemo(
    () => (query.trim() && index ? index.search(query, { limit }).map((h) => h.id) : null),
    [index, query, limit],
  );

  useEffect(() => {
    let isCurrent = true;
    const load = ids
      ? db.notes.bulkGet(ids).then((rows) => rows.filter((n): n is Note => !!n && n.deletedAt === undefined))
      : notesRepo.newest(limit);
    void load.then((rows) => {
      if (isCurrent) setHits(rows.map((note) => ({ note, matches: ids ? marks(note, query) : undefined })));
    });
    return () => {
      isCurrent = false;
    };
  }, [ids, query, limit, version]);

  return { hits, isIndexReady: index !== null };
}
