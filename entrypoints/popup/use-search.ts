import type { default as FuseType, FuseResultMatch } from 'fuse.js';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { MatchRanges } from '@/components/NoteCard';
import { db, notes as notesRepo } from '@/lib/db';
import type { Note } from '@/lib/model';
import { searchClient } from '@/lib/search-host';

export interface Hit {
  note: Note;
  matches?: MatchRanges;
}

const KEYS = ['quote', 'takeaway', 'page.title'];

type FuseClass = typeof FuseType;
let fuseLoading: Promise<FuseClass> | null = null;
/** Fuse.js only marks the words of the notes shown: loaded with the first query, not with the popup. */
const loadFuse = () => (fuseLoading ??= import('fuse.js').then((m) => m.default));

/** Marks for the words that matched, computed on the handful of notes shown (never on the whole store). */
function marks(Fuse: FuseClass, note: Note, query: string): MatchRanges {
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

/** Live notes for `ids`, in the order given. */
async function notesOf(ids: string[]): Promise<Note[]> {
  const rows = await db.notes.bulkGet(ids);
  return rows.filter((n): n is Note => !!n && n.deletedAt === undefined);
}

/**
 * The newest notes, asked for as soon as this module runs, before React's first render: the one read the
 * popup's first paint waits for starts at once instead of after mounting. Used once, by the first effect.
 */
let earlyNewest: { limit: number; rows: Promise<Note[]> } | null = { limit: 20, rows: notesRepo.newest(20) };

const measureRows = (start: number, detail: string) =>
  performance.measure('commonplace:rows', { start, end: performance.now(), detail });

function newest(limit: number): Promise<Note[]> {
  const early = earlyNewest?.limit === limit ? earlyNewest.rows : null;
  earlyNewest = null;
  return early ?? notesRepo.newest(limit);
}

/**
 * The popup's search. With no query: the newest notes, one indexed read of `limit` rows, waiting for
 * nothing else. With a query: the search client answers ids (from the warm search host on Chrome), then
 * those few rows are read. An answer for an older query is never shown: the client drops answers
 * overtaken by a newer search, and this effect ignores anything after its query changed. `version`
 * searches again after this page's own writes.
 */
export function useNoteSearch(query: string, version: number, limit = 20) {
  const [shown, setShown] = useState<{ query: string; hits: Hit[] } | undefined>(undefined);

  // A mark per result list put on screen (right after the DOM changed, as a MutationObserver would see it),
  // named by its query: bench:popup times each keystroke to it.
  useLayoutEffect(() => {
    if (shown) performance.mark('commonplace:results', { detail: shown.query });
  }, [shown]);

  useEffect(() => {
    let isCurrent = true;
    const q = query.trim();
    // Measures (read by bench:popup): the search host's answer, and the rows it names read from IndexedDB.
    const t0 = performance.now();
    const load = q
      ? Promise.all([
          searchClient()
            .search(q, limit)
            .then((found) => {
              const t1 = performance.now();
              performance.measure('commonplace:search', { start: t0, end: t1, detail: q });
              return found ? notesOf(found.map((h) => h.id)).finally(() => measureRows(t1, q)) : null;
            }),
          loadFuse(),
        ]).then(([rows, Fuse]) => rows?.map((note) => ({ note, matches: marks(Fuse, note, q) })) ?? null)
      : newest(limit)
          .finally(() => measureRows(t0, q))
          .then((rows) => rows.map((note): Hit => ({ note })));
    load
      .then((hits) => {
        if (isCurrent && hits) setShown({ query, hits });
      })
      .catch((e: unknown) => console.error('search', e));
    return () => {
      isCurrent = false;
    };
  }, [query, limit, version]);

  return { hits: shown?.hits };
}

/** The most used tags for the filter chips, from the search client (no scan of the notes table). */
export function useTopTags(version: number, limit = 8): string[] {
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    let isCurrent = true;
    searchClient()
      .topTags(limit)
      .then((t) => isCurrent && setTags(t.map((x) => x.tag)))
      .catch((e: unknown) => console.error('search tags', e));
    return () => {
      isCurrent = false;
    };
  }, [version, limit]);
  return tags;
}
