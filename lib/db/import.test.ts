import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { writeImport } from './import';
import { pendingFor } from './outbox';
import { CommonplaceDb } from './schema';
import { joinCommunityForTest } from '../testing/membership';

let db: CommonplaceDb;
afterEach(async () => {
  await db?.delete();
});
const notes = (n: number) => Array.from({ length: n }, (_, i) => makeNote({ quote: `Quote ${i}` }));

describe('writeImport', () => {
  it('writes every note in batches and reports progress', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const seen: number[] = [];
    const input = notes(1200);
    const collections = [{ id: 'c', name: 'C', noteIds: [input[0]!.id], createdAt: 1, updatedAt: 1 }];
    const r = await writeImport(db, input, collections, { batchSize: 500, onProgress: (p) => seen.push(p.written) });
    expect(r).toEqual({ written: 1200, isCancelled: false });
    expect(seen).toEqual([0, 500, 1000, 1200]);
    expect(await db.notes.count()).toBe(1200);
    expect(await db.collections.get('c')).toEqual(collections[0]);
  });

  it('cancel stops between batches: whole batches only, no collections', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const ac = new AbortController();
    const r = await writeImport(db, notes(2000), [{ id: 'c', name: 'C', noteIds: [], createdAt: 1, updatedAt: 1 }], {
      batchSize: 300,
      signal: ac.signal,
      onProgress: (p) => p.written >= 600 && ac.abort(),
    });
    expect(r).toEqual({ written: 600, isCancelled: true });
    expect(await db.notes.count()).toBe(600);
    expect(await db.collections.count()).toBe(0);
  });

  it('a batch that fails is rolled back whole', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const input = notes(10);
    await db.notes.add(input[7]!); // a clash inside the batch
    await expect(writeImport(db, input, [], { batchSize: 10 })).rejects.toThrow();
    expect(await db.notes.count()).toBe(1);
  });

  it('queues notes of a joined community that are ours, in the batch transaction; others stay unqueued', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    await joinCommunityForTest(db);
    const mine = makeNote({ quote: 'mine', communityId: 'c1' });
    const alsoMine = makeNote({ quote: 'also mine', communityId: 'c1', author: { id: 'me', name: 'Ada' } });
    const theirs = makeNote({ quote: 'theirs', communityId: 'c1', author: { id: 'bea', name: 'Bea' } });
    const elsewhere = makeNote({ quote: 'not joined', communityId: 'c9' });
    const personal = makeNote({ quote: 'personal' });
    await writeImport(db, [mine, alsoMine, theirs, elsewhere, personal], [], { now: () => 5_000 });
    const queued = await pendingFor(db, 'c1', 100);
    expect(queued.map((r) => [r.mutation.number, r.mutation.change.op, r.mutation.change.noteId])).toEqual([
      [1, 'create', mine.id],
      [2, 'create', alsoMine.id],
    ]);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.notes.get(mine.id)).toMatchObject({ author: { id: 'me', name: 'Ada' }, sync: { isPending: true } });
    expect((await db.notes.get(theirs.id))?.sync?.isPending).toBeUndefined();
    expect(await db.notes.count()).toBe(5);
  });

  it('a failed batch queues nothing: outbox rows roll back with the notes', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    await joinCommunityForTest(db);
    const input = Array.from({ length: 4 }, (_, i) => makeNote({ quote: `Q ${i}`, communityId: 'c1' }));
    await db.notes.add(input[3]!);
    await expect(writeImport(db, input, [], { batchSize: 4 })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.count()).toBe(1);
  });
});
