// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { NoteCard } from '@/components/NoteCard';
import { CommonplaceDb, notesRepository } from '@/lib/db';
import { NOTE_KINDS } from '@/lib/model';
import { makeNote } from '@/lib/testing/make-note';
import { QUERY_HELP } from '@/lib/search/query';
import { earlyCard, earlyQuery } from './paint';
import { paintEarly, showNewest } from '@/lib/newest-snapshot/paint';
import { readSnapshot, snapshotCards, writeSnapshot } from '@/lib/newest-snapshot/snapshot';
import { readByIds, readNewest } from '@/lib/db/read-newest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The article React's NoteCard renders for `note`, as HTML. */
function reactCardHtml(note: ReturnType<typeof makeNote>): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() =>
    root.render(<NoteCard note={note} isActive={false} onOpen={() => {}} onEdit={() => {}} onDelete={() => {}} />),
  );
  const html = host.innerHTML;
  act(() => root.unmount());
  return html;
}

describe('readNewest (the early paint read, without Dexie)', () => {
  it('reads the newest live notes, newest first, like the repository does', async () => {
    const db = new CommonplaceDb('early-newest-some');
    const all = Array.from({ length: 30 }, (_, i) =>
      makeNote({ createdAt: 1_000 + ((i * 7) % 30), ...(i % 4 === 0 ? { deletedAt: 5_000 } : {}) }),
    );
    await db.notes.bulkPut(all);
    const want = (await notesRepository(db).newest(20)).map((n) => n.id);
    expect(want.length).toBe(20);
    expect((await readNewest(20, 'early-newest-some'))?.map((n) => n.id)).toEqual(want);
    expect((await readNewest(3, 'early-newest-some'))?.map((n) => n.id)).toEqual(want.slice(0, 3));
    await db.delete();
  });

  it('reads past a page of deleted notes, and without getAllRecords (Firefox, older Chrome)', async () => {
    const db = new CommonplaceDb('early-newest-deleted');
    const live = Array.from({ length: 10 }, (_, i) => makeNote({ createdAt: 1 + i }));
    const gone = Array.from({ length: 50 }, (_, i) => makeNote({ createdAt: 100 + i, deletedAt: 500 }));
    await db.notes.bulkPut([...live, ...gone]);
    const want = live.map((n) => n.id).reverse();
    expect((await readNewest(5, 'early-newest-deleted'))?.map((n) => n.id)).toEqual(want.slice(0, 5));
    const proto = IDBIndex.prototype as { getAllRecords?: unknown };
    const getAllRecords = proto.getAllRecords;
    expect(getAllRecords).toBeTypeOf('function'); // else this test would not cover the one-round-trip path
    delete proto.getAllRecords;
    try {
      expect((await readNewest(5, 'early-newest-deleted'))?.map((n) => n.id)).toEqual(want.slice(0, 5));
      expect((await readNewest(20, 'early-newest-deleted'))?.map((n) => n.id)).toEqual(want);
    } finally {
      proto.getAllRecords = getAllRecords;
    }
    await db.delete();
  });

  it('reads the live notes of the ids given, in their order (the search host ranks, this reads)', async () => {
    const db = new CommonplaceDb('early-by-ids');
    const [a, b, c] = [makeNote(), makeNote({ deletedAt: 9 }), makeNote()];
    await db.notes.bulkPut([a!, b!, c!]);
    expect((await readByIds([c!.id, 'missing', b!.id, a!.id], 'early-by-ids'))?.map((n) => n.id)).toEqual([
      c!.id,
      a!.id,
    ]);
    await db.delete();
  });

  it('is null before the database exists, and does not create it (Dexie must, with its schema)', async () => {
    expect(await readNewest(20, 'early-newest-none')).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('early-newest-none');
    const db = new CommonplaceDb('early-newest-none');
    await db.notes.put(makeNote()); // Dexie still creates it with its schema afterwards
    expect(await readNewest(20, 'early-newest-none')).toHaveLength(1);
    await db.delete();
  });
});

describe('the early paint', () => {
  it('renders a card exactly as React NoteCard does, text only (hostile notes stay text)', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const notes = [
      makeNote({ quote: hostile, tags: ['a', 'b'], author: { id: 'm1', name: `Eve ${hostile}` } } as never),
      makeNote({
        takeaway: undefined,
        quote: '',
        page: { url: 'https://www.site.org/x', canonicalUrl: 'https://www.site.org/x', title: 'Title only' },
      }),
      makeNote({ sync: { isRejected: true, rejectReason: 'too long' } } as never),
      makeNote({ page: { url: 'not a url', canonicalUrl: 'not a url', title: 't', siteName: 'Site & Co' } }),
    ];
    for (const note of notes) expect(earlyCard(note).outerHTML).toBe(reactCardHtml(note));
    expect(earlyCard(notes[0]!).querySelector('img')).toBeNull();
  });

  it('lists the notes with the names React gives them, focuses the box, and keeps what is typed', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const notes = [makeNote(), makeNote()];
    paintEarly(root, snapshotCards(notes), 'help');
    const list = root.querySelector('ul[aria-label="Harvested notes"]')!;
    expect([...list.children].map((li) => li.tagName)).toEqual(['LI', 'LI']);
    expect([...list.querySelectorAll('article')].map((a) => a.getAttribute('aria-label'))).toEqual(
      notes.map((n) => n.quote.slice(0, 80)),
    );
    const box = root.querySelector('input')!;
    expect(document.activeElement).toBe(box);
    expect(root.querySelector(`label[for="${box.id}"]`)?.textContent).toBe('Search harvested notes');
    expect(earlyQuery()).toBe('');
    box.value = 'reac';
    expect(earlyQuery()).toBe('reac');
    root.remove();
  });

  it('shows no list (React shows the first-run hint) when there are no notes', () => {
    const root = document.createElement('div');
    paintEarly(root, [], 'help');
    expect(root.querySelector('ul, article')).toBeNull();
    expect(root.querySelector('input')).not.toBeNull();
  });

  it('offers the kind chips React offers, in its order', () => {
    const root = document.createElement('div');
    paintEarly(root, snapshotCards([makeNote()]), QUERY_HELP);
    const chips = root.querySelectorAll('[aria-label="Filter by kind"] button');
    expect([...chips].map((b) => b.textContent)).toEqual([...NOTE_KINDS]);
    expect(root.textContent).toContain(QUERY_HELP);
  });

  it('paints from the stored snapshot the same cards as from the notes, and the read corrects them in place', () => {
    const notes = [makeNote({ tags: ['x'] }), makeNote({ author: { id: 'm1', name: 'Ann <b>' } } as never)];
    writeSnapshot(localStorage, snapshotCards(notes));
    const fromNotes = document.createElement('div');
    paintEarly(fromNotes, snapshotCards(notes), 'help');
    const root = document.createElement('div');
    document.body.append(root);
    paintEarly(root, readSnapshot(localStorage)!, 'help');
    expect(root.innerHTML).toBe(fromNotes.innerHTML);
    const box = root.querySelector('input')!;
    box.value = 'typed meanwhile';
    // A note harvested since the snapshot was stored: the list changes, the box keeps its text and focus.
    const newer = makeNote({ createdAt: Date.now() + 1 });
    showNewest(root, snapshotCards([newer, ...notes]));
    expect([...root.querySelectorAll('article')].map((a) => a.id)).toEqual(
      [newer, ...notes].map((n) => `note-${n.id}`),
    );
    expect(root.querySelector('input')).toBe(box);
    expect(box.value).toBe('typed meanwhile');
    expect(document.activeElement).toBe(box);
    // Every note deleted since: no list and no kind chips, as React shows it.
    showNewest(root, []);
    expect(root.querySelector('ul, article, [aria-label="Filter by kind"]')).toBeNull();
    showNewest(root, snapshotCards(notes));
    expect(root.querySelectorAll('[aria-label="Filter by kind"]')).toHaveLength(1);
    expect(root.querySelectorAll('article')).toHaveLength(2);
    root.remove();
    localStorage.clear();
  });
});
