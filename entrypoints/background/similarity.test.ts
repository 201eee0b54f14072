import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '@/lib/db';
import { makeDraft, makeNote } from '@/lib/testing/make-note';
import { createSimilarity } from './similarity';

/**
 * bench:harvest stops the warm worker only once its similarity signal says settled (nothing opening, no save due,
 * none under way): a worker started after that loads the saved index instead of rebuilding it (issue 19).
 */
beforeEach(async () => {
  fakeBrowser.reset();
  await db.open();
  await db.notes.bulkAdd(
    Array.from({ length: 30 }, (_, i) => makeNote({ quote: `Rotate the staging key ${i} in the dual window` })),
  );
});
afterEach(async () => {
  await db.delete();
});

const isSettled = (s: ReturnType<typeof createSimilarity>['signal']) => !s.isOpening && !s.isSaveDue && s.saving === 0;

describe('the similarity signal', () => {
  it('says due, then settled once saved; a worker started then loads the index', async () => {
    const warm = createSimilarity();
    expect(warm.signal.opened).toBeNull();
    await warm.find(makeDraft({ quote: 'rotate the staging key' }));
    expect(warm.signal.opened).toBe('rebuilt'); // nothing saved yet
    const note = makeNote({ quote: 'Rotate the staging key without downtime' });
    await db.notes.add(note);
    warm.noteChanged(note.id);
    expect(warm.signal.isSaveDue).toBe(true);
    expect(isSettled(warm.signal)).toBe(false);
    await vi.waitFor(() => expect(isSettled(warm.signal)).toBe(true), { timeout: 20_000, interval: 100 });

    const fresh = createSimilarity();
    const found = await fresh.find(makeDraft({ quote: 'Rotate the staging key without downtime' }));
    expect(fresh.signal.opened).toBe('loaded');
    expect(found.map((f) => f.note.id)).toContain(note.id);
  }, 30_000);
});
