// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CommonplaceDb } from './schema';
import { makeNote } from '../testing/make-note';
import { putUnannounced } from '../testing/put-unannounced';
import { noteRows } from './note-rows';

describe('noteRows (the popup reads each row once until the notes change)', () => {
  it('reads a row once, and afresh after any Dexie write to the notes (this page or another context)', async () => {
    const name = 'note-rows-cache';
    const db = new CommonplaceDb(name);
    const [a, b, c] = [makeNote({ takeaway: 'a1' }), makeNote({ takeaway: 'b1' }), makeNote()];
    await db.notes.bulkPut([a!, b!, c!]);
    const rows = noteRows(name);
    const takeaways = async (ids: string[]) => (await rows.read(ids)).map((n) => n.takeaway);
    expect(await takeaways([b!.id, 'missing', a!.id])).toEqual(['b1', 'a1']);
    // Kept: a change nobody announced is not seen, so the second list of the same notes read nothing.
    await putUnannounced(name, { ...a!, takeaway: 'a2' });
    expect(await takeaways([a!.id, b!.id])).toEqual(['a1', 'b1']);
    // Any announced write to the notes forgets every row read: both are read afresh.
    await db.notes.update(c!.id, { takeaway: 'c2' });
    await new Promise((r) => setTimeout(r, 0));
    expect(await takeaways([a!.id, b!.id, c!.id])).toEqual(['a2', 'b1', 'c2']);
    // A note deleted since is left out, as readByIds leaves it.
    await db.notes.update(b!.id, { deletedAt: 9 });
    await new Promise((r) => setTimeout(r, 0));
    expect(await takeaways([a!.id, b!.id])).toEqual(['a2']);
    // The page's own forget (after its own write) works without waiting for the announcement.
    await putUnannounced(name, { ...a!, takeaway: 'a3' });
    rows.forget();
    expect(await takeaways([a!.id])).toEqual(['a3']);
    db.close();
    await db.delete();
  });

  it('keeps at most maxRows rows, forgetting the least recently used first', async () => {
    const name = 'note-rows-bound';
    const db = new CommonplaceDb(name);
    const [a, b, c] = [makeNote({ takeaway: 'a1' }), makeNote({ takeaway: 'b1' }), makeNote({ takeaway: 'c1' })];
    await db.notes.bulkPut([a!, b!, c!]);
    const rows = noteRows(name, { maxRows: 2 });
    const takeaways = async (ids: string[]) => (await rows.read(ids)).map((n) => n.takeaway);
    expect(await takeaways([a!.id, b!.id])).toEqual(['a1', 'b1']);
    expect(await takeaways([a!.id])).toEqual(['a1']); // a is now the latest used
    expect(await takeaways([c!.id])).toEqual(['c1']); // over the bound: b, the least recently used, goes
    // Changes nobody announced show which rows were kept (read again) and which were not.
    for (const n of [a!, b!, c!]) await putUnannounced(name, { ...n, takeaway: n.takeaway.replace('1', '2') });
    expect(await takeaways([a!.id, b!.id, c!.id])).toEqual(['a1', 'b2', 'c1']);
    db.close();
    await db.delete();
  });
});
