import type { default as FuseType } from 'fuse.js';
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { MatchRanges } from '@/components/NoteCard';
import { notes as notesRepo } from '@/lib/db';
import type { Note } from '@/lib/model';
import { searchClient } from '@/lib/search-host';
import { handover } from './early/handover';
import { matchMarks } from '@/lib/search/match-marks';
import { logger } from '@/lib/log';

const log = logger('popup');

export interface Hit {
  note: Note;
  matches?: MatchRanges;
}

type FuseClass = typeof FuseType;
let fuseLoading: Promise<FuseClass> | null = null;
/** Fuse.js only marks the words of the notes shown: loaded with the first query, not with the popup. */
const loadFuse = () => (fuseLoading ??= import('fuse.js').then((m) => m.default));

/**
 * The cards a keystroke's list draws in its own commit: the popup shows four or five at once (600 px high); the
 * rest follow once that list's frame is drawn. bench/popup-keystroke-trace.ts found the answer's task (React's
 * render and commit of twenty new cards, and the style and layout after it) the popup's main cost between the
 * answer arriving and the list on screen, stretched many times over when the machine's cores are busy.
 */
const FIRST_CARDS = 6;

/** A list on screen: `drawn` of its `hits` have cards; `list` numbers it (its marks and later cards keep it). */
interface Shown {
  query: string;
  hits: Hit[];
  drawn: number;
  list: number;
}

/** The list with the words of its query marked in each card: one Fuse.js search over its notes. */
function withMarks(list: Shown, Fuse: FuseClass): Shown {
  const marks = matchMarks(
    Fuse,
    list.hits.map((h) => h.note),
    list.query,
  );
  return { ...list, hits: list.hits.map(({ note }, i) => ({ note, matches: marks[i] })) };
}

/** Runs `fn` once the thread is idle (soon after the list is on screen), or after `ms` at the latest. */
const whenIdle = (fn: () => void, ms: number) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: ms }) : setTimeout(fn, 0);

/**
 * The notes answering `q`, rows and all (the search host reads them on its own thread), measured for
 * bench:popup as `commonplace:search`; Fuse.js, for the marks, loads while the answer is on its way.
 */
function askHost(q: string, limit: number): Promise<Note[] | null> {
  void loadFuse();
  const t0 = performance.now();
  return searchClient()
    .search(q, limit)
    .then((found) => {
      performance.measure('commonplace:search', { start: t0, end: performance.now(), detail: q });
      return found;
    });
}

/** The newest notes: the early paint's read when it is still under way (used once), else one indexed read. */
function newest(limit: number): Promise<Note[]> {
  const early = handover.limit === limit ? handover.reading : undefined;
  handover.reading = undefined;
  return early?.then((rows) => rows ?? notesRepo.newest(limit)) ?? notesRepo.newest(limit);
}

/**
 * The early paint's rows as the first list shown (the newest, or the answer to what was typed before React
 * was up): React starts where the plain DOM left off.
 */
function earlyShown(limit: number): Shown | undefined {
  handover.isReactUp = true;
  const rows = handover.limit === limit ? handover.rows : undefined;
  if (rows) handover.reading = undefined;
  return rows && { query: handover.query, hits: rows.map((note) => ({ note })), drawn: rows.length, list: 0 };
}

/**
 * The popup's search. With no query: the newest notes, one indexed read of `limit` rows, waiting for
 * nothing else. With a query: the search client answers the notes (from the warm search host on Chrome, which
 * reads their rows on its own thread). An answer for an older query is never shown: the client drops answers
 * overtaken by a newer search, and this effect ignores anything after its query changed. `version`
 * searches again after this page's own writes.
 *
 * `searchAhead(query, commitText)`, called from the input's change event (the box is uncontrolled: the text
 * typed shows without React), sends that query to the search host at once, and once its notes arrive commits
 * the text (`commitText`) and the list in one render. React no longer renders the text typed while the host
 * answers: bench:popup's split showed the hop's way back (the answer waiting for this thread) at 3.9 / 15.7 ms
 * p50 / p95 against 0.5 / 6.2 for the way there, that render being what the answer waited for. The effect that
 * follows finds the list shown for its query and asks nothing.
 */
export function useNoteSearch(query: string, version: number, limit = 20) {
  const [shown, setShown] = useState<Shown | undefined>(() => earlyShown(limit));
  // The newest notes are on screen already when the early paint's rows were taken: not read again.
  const isEarlyShown = useRef(shown?.query === '');
  // When a new list's rows were ready: React's render and commit of it is measured from there.
  const rowsReady = useRef<{ query: string; at: number } | null>(null);

  // A mark per result list put on screen (right after the DOM changed, as a MutationObserver would see it),
  // named by its query: bench:popup times each keystroke to it, and splits it with the measures below.
  useLayoutEffect(() => {
    if (!shown) return;
    const ready = rowsReady.current;
    if (ready?.query === shown.query) {
      performance.measure('commonplace:render', { start: ready.at, end: performance.now(), detail: ready.query });
      rowsReady.current = null;
    }
    performance.mark('commonplace:results', { detail: shown.query });
    // Once per list: its marks and its later cards are the same list (bench:popup times a list's first frame).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown?.list]);

  // Spaces around the query ask nothing new: a space typed after a word keeps the list, with no search.
  const q = query.trim();
  // The query and version of the list committed last: what the next effect compares with.
  const asked = useRef({ q, version });
  useLayoutEffect(() => {
    asked.current = { q, version };
  }, [q, version]);
  // The query and version of the list on screen, when searchAhead put it there (the effect then asks nothing).
  const shownAhead = useRef<{ q: string; version: number } | null>(null);
  // Each change of the text numbers its search: an answer to an older one is never committed.
  const typed = useRef(0);
  // The search asked ahead whose answer has not come yet, and the text its answer commits (the latest typed).
  const pending = useRef<{ nq: string; commit: () => void } | null>(null);
  // The lists shown so far: each new one is numbered.
  const lists = useRef(0);

  /**
   * `rows` (the answer to `q`) on screen now, in this task, with whatever `alsoCommit` sets (the text typed):
   * as a plain update React would render it in a task of its own, queued behind whatever else the thread has
   * waiting (bench:popup's render step: 1.6 ms at p50, 10-16 at p95). The words' marks follow once the list is
   * on screen: Fuse.js over twenty notes cost 4 ms of each keystroke (profiled; a third less since one search marks
   * them all), and the list is what the user
   * waits for. Dropped if the query moved on; drawn as a transition, so the next keystroke's render interrupts
   * it instead of waiting for twenty cards.
   */
  const show = useCallback((q: string, rows: Note[], isCurrent: () => boolean, alsoCommit?: () => void) => {
    rowsReady.current = { query: q, at: performance.now() };
    const list = ++lists.current;
    flushSync(() => {
      alsoCommit?.();
      // A new query's list draws the cards on screen first; the same query read again (after a write) keeps
      // every card, so a list scrolled down does not shrink under the reader.
      setShown((now) => ({
        query: q,
        hits: rows.map((note): Hit => ({ note })),
        drawn: now?.query === q ? rows.length : Math.min(rows.length, FIRST_CARDS),
        list,
      }));
    });
    // The rest of the cards once this list's frame is drawn (the task after its animation frame), as a
    // transition the next keystroke's list interrupts.
    requestAnimationFrame(() =>
      setTimeout(() =>
        startTransition(() => setShown((now) => (now?.list === list ? { ...now, drawn: now.hits.length } : now))),
      ),
    );
    if (q)
      void loadFuse().then((Fuse) =>
        whenIdle(() => {
          if (!isCurrent()) return;
          startTransition(() => setShown((now) => (now?.query === q ? withMarks(now, Fuse) : now)));
        }, 100),
      );
  }, []);

  const searchAhead = useCallback(
    (next: string, commitText: () => void) => {
      const nq = next.trim();
      // A space typed while the word's answer is on its way asks nothing again: that answer commits this text.
      const waiting = pending.current;
      if (nq && waiting?.nq === nq) {
        waiting.commit = commitText;
        return;
      }
      const mine = ++typed.current;
      pending.current = null;
      const { version: at } = asked.current;
      // The effect reads the newest itself; a query equal to the one shown (a space typed) runs no effect.
      if (!nq || nq === asked.current.q) return commitText();
      const entry = { nq, commit: commitText };
      pending.current = entry;
      const settled = () => {
        if (pending.current === entry) pending.current = null;
      };
      const isCurrent = () => mine === typed.current && asked.current.version === at;
      askHost(nq, limit).then(
        (rows) => {
          settled();
          if (!rows || !isCurrent()) {
            // Still the text typed last, but this page wrote meanwhile: committed, and the effect asks again.
            if (mine === typed.current) entry.commit();
            return;
          }
          shownAhead.current = { q: nq, version: at };
          show(nq, rows, isCurrent, entry.commit);
        },
        (e: unknown) => {
          settled();
          // The host failed: the text is committed, and the effect asks again (through the client's retry).
          log.failed('search')(e);
          if (mine === typed.current) entry.commit();
        },
      );
    },
    [limit, show],
  );
  useEffect(() => {
    let isCurrent = true;
    const isShownAlready =
      (isEarlyShown.current && !q) || (shownAhead.current?.q === q && shownAhead.current.version === version);
    isEarlyShown.current = false;
    shownAhead.current = null;
    if (isShownAlready) return;
    // The early read is the newest notes as the popup opened: only ever the first list, never a later one.
    if (q) handover.reading = undefined;
    const t0 = performance.now();
    const load = q
      ? askHost(q, limit)
      : newest(limit).finally(() =>
          performance.measure('commonplace:rows', { start: t0, end: performance.now(), detail: q }),
        );
    load
      .then((rows) => {
        if (isCurrent && rows) show(q, rows, () => isCurrent);
      })
      .catch(log.failed('search'));
    return () => {
      isCurrent = false;
    };
  }, [q, limit, version, show]);

  return { hits: shown?.hits, drawn: shown?.drawn ?? 0, searchAhead };
}

/** The most used tags for the filter chips, from the search client (no scan of the notes table). */
export function useTopTags(version: number, limit = 8): string[] {
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    let isCurrent = true;
    searchClient()
      .topTags(limit)
      .then((t) => isCurrent && setTags(t.map((x) => x.tag)))
      .catch(log.failed('search tags'));
    return () => {
      isCurrent = false;
    };
  }, [version, limit]);
  return tags;
}
