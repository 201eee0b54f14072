// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CommonplaceDb, notesRepository } from '@/lib/db';
import { makeNote } from '@/lib/testing/make-note';
import { noteCardText } from '@/lib/model/note-card-text';
import { isSameCards, readSnapshot, SNAPSHOT_KEY, snapshotCards, writeSnapshot } from './snapshot';
import { snapshotRefresher } from './refresh';

afterEach(() => localStorage.clear());

describe('the newest cards snapshot', () => {
  it('gives back the cards stored, words as drawn, and nothing else of the notes', () => {
    const notes = [makeNote({ takeaway: undefined }), makeNote({ tags: ['a', 'b'] })];
    writeSnapshot(localStorage, snapshotCards(notes));
    const back = readSnapshot(localStorage)!;
    expect(back.map((c) => c.text)).toEqual(notes.map(noteCardText));
    expect(isSameCards(back, snapshotCards(notes))).toBe(true);
    // Selectors, page HTML and the like are not copied into localStorage.
    expect(localStorage.getItem(SNAPSHOT_KEY)).not.toContain('selectors');
  });

  it('is null, so the popup paints after its read, for nothing stored, an older shape or a damaged value', () => {
    expect(readSnapshot(localStorage)).toBeNull();
    for (const bad of [
      '{',
      '[]',
      JSON.stringify({ v: 0, cards: [] }),
      JSON.stringify({ v: 1, cards: [{ id: 'a', kind: 'insight' }] }),
      JSON.stringify({ v: 1, cards: [{ id: 'a', kind: 'insight', text: { label: 'l', quote: 1, meta: '' } }] }),
      JSON.stringify({ v: 1, cards: [{ id: 7, kind: 'insight', text: { label: 'l', quote: 'q', meta: '' } }] }),
    ]) {
      localStorage.setItem(SNAPSHOT_KEY, bad);
      expect(readSnapshot(localStorage), bad).toBeNull();
    }
  });

  it('tells a changed card from the same one (a new takeaway, a deleted note)', () => {
    const [a, b] = [makeNote(), makeNote()];
    const cards = snapshotCards([a!, b!]);
    expect(isSameCards(cards, snapshotCards([a!, { ...b!, takeaway: 'changed' }]))).toBe(false);
    expect(isSameCards(cards, snapshotCards([a!]))).toBe(false);
    expect(isSameCards(cards, snapshotCards([a!, b!]))).toBe(true);
  });

  it('keeps nothing rather than a partial snapshot when it is too large or the quota is full', () => {
    writeSnapshot(localStorage, snapshotCards([makeNote()]));
    const huge = Array.from({ length: 20 }, () => makeNote({ quote: 'q'.repeat(20_000) }));
    writeSnapshot(localStorage, snapshotCards(huge));
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
    writeSnapshot(localStorage, snapshotCards([makeNote()]));
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (k: string) => localStorage.removeItem(k),
    } as unknown as Storage;
    writeSnapshot(full, snapshotCards([makeNote()]));
    expect(localStorage.getItem(SNAPSHOT_KEY)).toBeNull();
  });

  it('is refreshed from the database: a harvest and a delete show at the next popup', async () => {
    const db = new CommonplaceDb('commonplace');
    const repo = notesRepository(db);
    const old = Array.from({ length: 3 }, (_, i) => makeNote({ createdAt: 1_000 + i }));
    await db.notes.bulkPut(old);
    const refresh = snapshotRefresher(localStorage, 2);
    await refresh();
    const ids = () => readSnapshot(localStorage)!.map((c) => c.id);
    expect(ids()).toEqual([old[2]!.id, old[1]!.id]);
    const fresh = makeNote({ createdAt: 5_000 });
    await db.notes.put(fresh);
    await db.notes.update(old[2]!.id, { deletedAt: 6_000 });
    // Calls during a refresh fold into one more after it: the last write is always seen.
    void refresh();
    await refresh();
    expect(ids()).toEqual((await repo.newest(2)).map((n) => n.id));
    expect(ids()).toEqual([fresh.id, old[1]!.id]);
    db.close();
    await db.delete();
  });
});
