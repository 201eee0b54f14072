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

  it('equal a scan after sync-pull batches, bulk deletes and tombstones, told only by the write hooks', async () => {
    // Wired as the background wires it: every note write's hook reports its id (search-upkeep.ts), and a
    // sync pull lands as one bulkPut of a batch (lib/sync/pull.ts), a purge as one bulkDelete.
    type BulkOp =
      | { op: 'pull'; notes: { id: number; tags: string[] }[] }
      | { op: 'bulkDelete'; ids: number[] }
      | { op: 'tombstone'; id: number }
      | { op: 'check' };
    const note = fc.record({ id: fc.nat(15), tags: fc.array(fc.constantFrom(...TAGS), { maxLength: 4 }) });
    const bulkOp: fc.Arbitrary<BulkOp> = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({ op: fc.constant('pull' as const), notes: fc.array(note, { maxLength: 6 }) }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ op: fc.constant('bulkDelete' as const), ids: fc.array(fc.nat(15), { maxLength: 4 }) }),
      },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('tombstone' as const), id: fc.nat(15) }) },
      { weight: 2, arbitrary: fc.constant({ op: 'check' as const }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(note, { maxLength: 10 }), fc.array(bulkOp, { maxLength: 20 }), async (before, ops) => {
        const local = new CommonplaceDb(`tags-hooks-${Math.random()}`);
        try {
          await local.notes.bulkPut(before.map((n) => makeNote({ id: ID(n.id), tags: n.tags })));
          const live = liveTagCounts(local);
          local.notes.hook('creating', function (id) {
            this.onsuccess = (key) => live.changed([String(key ?? id)]);
          });
          local.notes.hook('updating', function (_mods, id) {
            this.onsuccess = () => live.changed([String(id)]);
          });
          local.notes.hook('deleting', function (id) {
            this.onsuccess = () => live.changed([String(id)]);
          });
          const scan = () => notesRepository(local).tagCounts(100);
          for (const o of ops) {
            if (o.op === 'check') expect(await live.top(100)).toEqual(await scan());
            if (o.op === 'pull') {
              // One batch may hold a note twice (the later version wins), as a page of pulled changes may.
              await local.notes.bulkPut(o.notes.map((n) => makeNote({ id: ID(n.id), tags: n.tags, updatedAt: 1 })));
            }
            if (o.op === 'bulkDelete') await local.notes.bulkDelete(o.ids.map(ID));
            if (o.op === 'tombstone') await local.notes.where('id').equals(ID(o.id)).modify({ deletedAt: 7 });
          }
          expect(await live.top(100)).toEqual(await scan());
        } finally {
          await local.delete();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('count the stored notes on first use by bulk reads of the tag index, not a cursor step per entry', async () => {
    // A new service worker counts once: at 100k notes a step per index entry took ~8 s before the panel opened.
    await db.notes.bulkPut(
      Array.from({ length: 300 }, (_, i) => makeNote({ id: ID(i), tags: [TAGS[i % 3]!, TAGS[3 + (i % 2)]!] })),
    );
    const steps = { n: 0 };
    const proto = globalThis.IDBCursor.prototype;
    const original = { continue: proto.continue, advance: proto.advance };
    proto.continue = function (...args: Parameters<IDBCursor['continue']>) {
      steps.n++;
      return original.continue.apply(this, args);
    };
    proto.advance = function (count: number) {
      steps.n++;
      return original.advance.call(this, count);
    };
    let top: Awaited<ReturnType<ReturnType<typeof liveTagCounts>['top']>>;
    try {
      top = await liveTagCounts(db).top(100);
    } finally {
      Object.assign(proto, original);
    }
    expect(top).toEqual(await notesRepository(db).tagCounts(100));
    expect(top.reduce((sum, t) => sum + t.count, 0)).toBe(600);
    // Distinct tags are 5; index entries 600. Allow a step per distinct tag and a few more, never one per entry.
    expect(steps.n).toBeLessThan(20);
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
