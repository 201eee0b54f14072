import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { putUnannounced } from '../testing/put-unannounced';
import { CommonplaceDb } from '../db/schema';
import { noteRows } from '../db/note-rows';
import { searchIndexRepository } from '../db/search-index';
import type { AnswerOf, RequestOf, ToSearchHost } from '../messaging/protocol';
import { SearchIndex, toSearchDoc } from '../search';
import { localBackend } from './backends';
import { registerSearchHost } from './host';

const NOW = Date.UTC(2026, 10, 27);
let db: CommonplaceDb;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (m: { data: any }) => any;
let handlers: Map<string, AnyHandler>;
let stop: () => void;

/** Calls the host's handler for `type` as the messaging layer would. */
const ask = <K extends keyof ToSearchHost>(type: K, data: RequestOf<ToSearchHost, K>) =>
  Promise.resolve(handlers.get(type)!({ data })) as Promise<AnswerOf<ToSearchHost, K>>;
/** The ids of the notes the host answers `query` with, best first. */
const idsFor = async (query: string, limit = 5) => (await ask('searchNotes', { query, limit })).map((n) => n.id);

beforeEach(async () => {
  db = new CommonplaceDb(`host-${Math.random()}`);
  await db.open();
  handlers = new Map();
});
afterEach(async () => {
  stop?.();
  await db.delete();
});

function startHost() {
  const on = (type: string, handler: AnyHandler) => {
    handlers.set(type, handler);
    return () => void handlers.delete(type);
  };
  stop = registerSearchHost(searchIndexRepository(db, { now: () => NOW }), on as never, noteRows(db.name));
}

describe('search host', () => {
  it('answers queries as the pure index does for the same notes', async () => {
    const notes = [
      makeNote({ quote: 'kubernetes rollout restart', tags: ['ops'] }),
      makeNote({ quote: 'react hooks and state', tags: ['frontend'] }),
      makeNote({ quote: 'kubernetes pod eviction', tags: ['ops'] }),
    ];
    await db.notes.bulkPut(notes);
    startHost();
    const pure = SearchIndex.build(notes.map((n) => toSearchDoc(n, { thanks: 0 })));
    for (const q of ['kubernetes', 'kubernetes tag:ops', 'reakt', 'hoo']) {
      const found = await ask('searchNotes', { query: q, limit: 10 });
      expect(found.map((n) => n.id)).toEqual(pure.search(q, { limit: 10 }).map((h) => h.id));
      // The notes themselves, as stored: the page reads no row.
      expect(found).toEqual(found.map((n) => notes.find((m) => m.id === n.id)));
    }
    expect(await ask('searchTopTags', { limit: 5 })).toEqual([
      { tag: 'ops', count: 2 },
      { tag: 'frontend', count: 1 },
    ]);
  });

  it('folds in notes the background wrote and logged, without reading the log again', async () => {
    const a = makeNote({ quote: 'vector embeddings' });
    await db.notes.put(a);
    startHost();
    expect(await idsFor('embeddings')).toEqual([a.id]);
    // The background's write: the note changes and is logged by the background's own repository.
    const background = searchIndexRepository(db);
    const b = makeNote({ quote: 'sparse embeddings' });
    await db.notes.bulkPut([{ ...a, quote: 'dense retrieval', updatedAt: a.updatedAt + 1 }, b]);
    await background.noteChanged([a.id, b.id]);
    await ask('searchIndexChanged', { ids: [a.id, b.id] });
    expect(await idsFor('embeddings')).toEqual([b.id]);
    expect(await ask('searchNotes', { query: 'dense', limit: 5 })).toMatchObject([
      { id: a.id, quote: 'dense retrieval' },
    ]);
  });

  it('saves its warm index so a fresh page loads the same answers, and rebuilds after a bulk seed', async () => {
    startHost();
    expect(await ask('searchNotes', { query: 'postgres', limit: 5 })).toEqual([]);
    const seeded = makeNote({ quote: 'postgres vacuum tuning' });
    await db.notes.put(seeded); // behind the hooks' back, as benchmarks seed
    await ask('compactSearchIndex', { rebuild: true });
    expect(await idsFor('postgres')).toEqual([seeded.id]);
    const fresh = await searchIndexRepository(db).open();
    expect(fresh.search('postgres').map((h) => h.id)).toEqual([seeded.id]);
  });

  it("answers a note's row as it is after a write it was told of, and leaves out a note deleted since", async () => {
    const a = makeNote({ quote: 'feature flags', takeaway: 'ship dark' });
    const b = makeNote({ quote: 'feature toggles' });
    await db.notes.bulkPut([a, b]);
    startHost();
    expect((await ask('searchNotes', { query: 'feature', limit: 5 })).map((n) => n.takeaway)).toContain('ship dark');
    // A page's edit reaches the host as searchIndexChanged before that page asks again (one port, in order),
    // and may come before Dexie's notice of the write: the row is read afresh all the same.
    await putUnannounced(db.name, { ...a, takeaway: 'ship behind a flag', updatedAt: a.updatedAt + 1 });
    await searchIndexRepository(db).noteChanged([a.id]);
    await ask('searchIndexChanged', { ids: [a.id] });
    expect((await ask('searchNotes', { query: 'flags', limit: 5 })).map((n) => n.takeaway)).toEqual([
      'ship behind a flag',
    ]);
    // Deleted (a tombstone) and not yet folded into the index: its row is left out.
    await putUnannounced(db.name, { ...b, deletedAt: NOW });
    await ask('searchIndexChanged', { ids: [] });
    expect(await idsFor('toggles')).toEqual([]);
  });

  it("Firefox's in-page fallback answers the notes the host answers, rows read afresh after a change", async () => {
    const notes = [makeNote({ quote: 'canary deploys' }), makeNote({ quote: 'blue green deploys', takeaway: 'v1' })];
    await db.notes.bulkPut(notes);
    startHost();
    const local = localBackend(searchIndexRepository(db), async () => [], noteRows(db.name));
    expect(await local.search('deploys', 5)).toEqual(await ask('searchNotes', { query: 'deploys', limit: 5 }));
    await putUnannounced(db.name, { ...notes[1]!, takeaway: 'v2', updatedAt: notes[1]!.updatedAt + 1 });
    await searchIndexRepository(db).noteChanged([notes[1]!.id]);
    await local.changed([notes[1]!.id]);
    expect((await local.search('green', 5)).map((n) => n.takeaway)).toEqual(['v2']);
  });
});
