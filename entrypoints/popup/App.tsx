import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FilterChips } from '@/components/FilterChips';
import { movedMessage, ThisPageView } from '@/components/ThisPageView';
import { notes } from '@/lib/db';
import { searchClient } from '@/lib/search-host';
import { QUERY_HELP } from '@/lib/search/query';
import { sendToBackground } from '@/lib/messaging/messenger';
import { usePageStatus } from './use-page-status';
import { ResultList, type ResultActions } from './ResultList';
import { SyncStatus } from '@/components/sync/SyncStatus';
import { useSyncStatus } from '@/components/sync/use-sync-status';
import type { Note, NoteKind } from '@/lib/model';
import { useNoteSearch, useTopTags } from './use-search';
import { earlyQuery } from './early/paint';
import { logger } from '@/lib/log';

const log = logger('popup');

/** The toolbar popup: search every harvested note, open, edit, delete (with undo). */
export function App() {
  const searchId = useId();
  const isEmptyStore = useLiveQuery(async () => (await notes.newest(1)).length === 0, []);
  // What was typed into the early paint's box before React was up (never lost).
  const [query, setQueryState] = useState(earlyQuery);
  const [kind, setKindState] = useState<NoteKind | null>(null);
  const [tag, setTagState] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  // A new query or filter starts again at the top.
  const setQuery = (q: string) => (setQueryState(q), setActive(0));
  const setKind = (k: NoteKind | null) => (setKindState(k), setActive(0));
  const setTag = (t: string | null) => (setTagState(t), setActive(0));
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [view, setView] = useState<'all' | 'page'>('all');
  const communities = useSyncStatus();
  const ownIds = useMemo(() => new Set((communities ?? []).map((c) => c.memberId).filter(Boolean)), [communities]);
  const page = usePageStatus();

  const [version, setVersion] = useState(0);
  const queryOf = (text: string) => [text, kind && `kind:${kind}`, tag && `tag:${tag}`].filter(Boolean).join(' ');
  const fullQuery = queryOf(query);
  const search = useNoteSearch(fullQuery, version);
  const hits = useMemo(() => search.hits ?? [], [search.hits]);
  // The cards drawn: a keystroke's list draws those on screen in its own frame, the rest right after.
  const drawnHits = useMemo(() => hits.slice(0, search.drawn), [hits, search.drawn]);
  const topTags = useTopTags(version);
  /** After a write (made by the background) the search index takes the change, and the list is read again. */
  const changed = (id: string) =>
    void searchClient()
      .changed([id])
      .catch(log.failed('search'))
      .then(() => setVersion((v) => v + 1));

  // The box has the focus from the first commit, as `autoFocus` would give it, but without scrolling it into
  // view (it is at the top): that scroll lays out the whole popup inside React's commit, before the frame does.
  useLayoutEffect(() => inputRef.current?.focus({ preventScroll: true }), []);
  // The selected card scrolled into view in the next frame, with that frame's own layout: called here, in a
  // keystroke's commit, it laid the page out inside the answer's task (2-5 ms of thread time per list, traced
  // by bench/popup-keystroke-trace.ts), holding off the frame and the next key.
  useEffect(() => {
    const id = hits[active]?.note.id;
    const frame = requestAnimationFrame(() =>
      document.getElementById(`note-${id}`)?.scrollIntoView({ block: 'nearest' }),
    );
    return () => cancelAnimationFrame(frame);
  }, [active, hits]);

  /** Opened from the search results (the impact ledger's "search" source) unless `isFromSearch` says not. */
  const open = async (note: Pick<Note, 'id'>, isFromSearch = true) => {
    const r = await sendToBackground('openNote', {
      id: note.id,
      ...(isFromSearch ? { source: 'search' as const } : {}),
    });
    if (!r.ok) setError(r.error);
    else window.close();
  };
  const remove = async (note: Note) => {
    const r = await sendToBackground('removeNote', { id: note.id });
    if (r.ok) setUndo(note);
    else setError(r.error);
    changed(note.id);
  };
  const restore = async () => {
    if (!undo) return;
    const r = await sendToBackground('restoreNote', { id: undo.id });
    if (!r.ok) setError(r.error);
    setUndo(null);
    changed(undo.id);
    inputRef.current?.focus();
  };

  const save = async (note: Note, patch: Parameters<ResultActions['save']>[1]) => {
    const r = await sendToBackground('updateNote', { id: note.id, patch });
    if (!r.ok) setError(r.error);
    setEditing(null);
    changed(note.id);
  };
  // The list's actions, one object for the popup's life calling the latest functions: the memoised list
  // does not render again when only the text typed changed.
  const latest = useRef({ open, remove, save });
  useLayoutEffect(() => {
    latest.current = { open, remove, save };
  });
  const actions = useMemo<ResultActions>(
    () => ({
      open: (note) => void latest.current.open(note),
      edit: setEditing,
      remove: (note) => void latest.current.remove(note),
      save: (note, patch) => latest.current.save(note, patch),
    }),
    [],
  );

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter' && hits[active]) void open(hits[active].note);
    else if (e.key === 'Escape' && inputRef.current?.value) {
      inputRef.current.value = '';
      search.searchAhead(queryOf(''), () => setQuery(''));
    } else return;
    e.preventDefault();
  };

  return (
    <main className="popup">
      <label htmlFor={searchId} className="visually-hidden">
        Search harvested notes
      </label>
      <input
        id={searchId}
        ref={inputRef}
        type="search"
        placeholder="Search harvested notes"
        aria-describedby={`${searchId}-help`}
        // Uncontrolled: the text typed shows without React, which renders it with its results, in one commit.
        defaultValue={query}
        onChange={(e) => {
          const text = e.target.value;
          search.searchAhead(queryOf(text), () => setQuery(text));
        }}
        onKeyDown={onKeyDown}
      />
      <div id={`${searchId}-help`} className="muted" style={{ fontSize: 12 }}>
        ↑↓ to move, Enter to open the page at the quote. {QUERY_HELP}
      </div>
      <SyncStatus
        communities={communities ?? []}
        isOnline={navigator.onLine}
        onSyncNow={() => sendToBackground('syncNow').then(() => undefined)}
      />
      <div className="row" role="group" aria-label="View">
        <button type="button" className="chip" aria-pressed={view === 'all'} onClick={() => setView('all')}>
          All notes
        </button>
        <button type="button" className="chip" aria-pressed={view === 'page'} onClick={() => setView('page')}>
          This page
          {page.status
            ? ` (${page.status.painted.length + page.status.orphans.length + (page.status.offscreen?.length ?? 0)})`
            : ''}
        </button>
      </div>
      {view === 'page' && (
        <ThisPageView
          status={page.status}
          onOpen={(id) => void open({ id }, false)}
          onMove={async (ids, url) => {
            const r = await sendToBackground('moveNotes', { ids, url });
            if (!r.ok) return r.error;
            page.reload();
            return movedMessage(r.value);
          }}
        />
      )}
      {view === 'all' && !isEmptyStore && (
        <FilterChips kind={kind} tag={tag} tags={topTags} onKind={setKind} onTag={setTag} />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div role="status" aria-live="polite">
        {undo && (
          <div className="toast">
            <span>Note deleted.</span>
            <button type="button" onClick={() => void restore()}>
              Undo
            </button>
          </div>
        )}
      </div>
      {view === 'page' ? null : isEmptyStore ? (
        <section className="pad" aria-label="Getting started">
          <h2 style={{ margin: '0 0 6px', fontSize: 16 }}>Nothing harvested yet</h2>
          <p className="muted" style={{ margin: 0 }}>
            Select text on any web page and click <strong>Harvest</strong>, right-click and choose{' '}
            <strong>Harvest to community</strong>, or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>. Your notes
            show up here, searchable in a keystroke.
          </p>
        </section>
      ) : (
        <ResultList
          hits={drawnHits}
          active={active}
          editing={editing}
          ownIds={ownIds}
          noMatchFor={search.hits?.length === 0 ? fullQuery : null}
          actions={actions}
        />
      )}
    </main>
  );
}
