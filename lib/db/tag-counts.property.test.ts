import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { notesRepository } from './notes';
import { CommonplaceDb } from './schema';
import { liveTagCounts } from './tag-counts';

let db: CommonplaceDb;
beforeEach(async () => {
  db = new CommonplaceDb(`tags-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const ID = (i: number) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`;
const TAGS = ['react', 'hooks', 'postgres', 'design', 'a', 'b'];

type Op =
  | { op: 'put'; id: number; tags: string[] }
  | { op: 'tombstone'; id: number }
  | { op: 'purge'; id: number }
  | { op: 'check' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('put' as const),
      id: fc.nat(11),
      tags: fc.array(fc.constantFrom(...TAGS), { maxLength: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('tombstone' as const), id: fc.nat(11) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('purge' as const), id: fc.nat(11) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'check' as const }) },
);

describe('live tag counts', () => {
  it('equal a scan of the tag index after any sequence of writes, counted once then kept incrementally', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: fc.nat(11), tags: fc.array(fc.constantFrom(...TAGS), { maxLength: 4 }) }), {
          maxLength: 8,
        }),
        fc.array(opArb, { maxLength: 30 }),
        async (before, ops) => {
          await db.notes.clear();
          // Notes already stored when the counter is made: its first use counts them with one pass.
          for (const n of before) await db.notes.put(makeNote({ id: ID(n.id), tags: n.tags }));
          const live = liveTagCounts(db);
          const scan = () => notesRepository(db).tagCounts(100);
          for (const o of ops) {
            if (o.op === 'check') {
              expect(await live.top(100)).toEqual(await scan());
              continue;
            }
            const id = ID(o.id);
            if (o.op === 'put') await db.notes.put(makeNote({ id, tags: o.tags }));
            if (o.op === 'tombstone') await db.notes.update(id, { deletedAt: 5 });
            if (o.op === 'purge') await db.notes.delete(id);
            live.changed([id]);
          }
          expect(await live.top(100)).toEqual(await scan());
          expect(await live.top(2)).toEqual((await scan()).slice(0, 2));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('count a note written behind their back (no changed call) when it is newer than any seen', async () => {
    await db.notes.put(makeNote({ id: ID(1), tags: ['react'], updatedAt: 10 }));
    const live = liveTagCounts(db);
    expect(await live.top()).toEqual([{ tag: 'react', count: 1 }]);
    await db.notes.put(makeNote({ id: ID(2), tags: ['hooks'], updatedAt: 20 }));
    expect(await live.top()).toEqual([
      { tag: 'hooks', count: 1 },
      { tag: 'react', count: 1 },
    ]);
  });

  it('read no note row on a harvest when nothing changed since the last one', async () => {
    await db.notes.put(makeNote({ id: ID(1), tags: ['react'] }));
    const live = liveTagCounts(db);
    expect(await live.top()).toEqual([{ tag: 'react', count: 1 }]);
    let reads = 0;
    db.notes.hook('reading', (n) => (reads++, n));
    expect(await live.top()).toEqual([{ tag: 'react', count: 1 }]);
    expect(reads).toBe(0);
    await db.notes.put(makeNote({ id: ID(2), tags: ['react', 'hooks'] }));
    live.changed([ID(2)]);
    expect(await live.top()).toEqual([
      { tag: 'react', count: 2 },
      { tag: 'hooks', count: 1 },
    ]);
    expect(reads).toBe(1);
  });
});
