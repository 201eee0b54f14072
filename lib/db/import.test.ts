import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeNote } from '../similarity/testing/make-note';
import { writeImport } from './import';
import { CommonplaceDb } from './schema';

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
});
