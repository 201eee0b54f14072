import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { CommonplaceDb } from '../db/schema';
import { searchIndexRepository } from '../db/search-index';
import type { AnswerOf, RequestOf, ToSearchHost } from '../messaging/protocol';
import { SearchIndex, toSearchDoc } from '../search';
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
  stop = registerSearchHost(searchIndexRepository(db, { now: () => NOW }), on as never);
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
      const hits = await ask('searchNotes', { query: q, limit: 10 });
      expect(hits.map((h) => h.id)).toEqual(pure.search(q, { limit: 10 }).map((h) => h.id));
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
    expect((await ask('searchNotes', { query: 'embeddings', limit: 5 })).map((h) => h.id)).toEqual([a.id]);
    // The background's write: the note changes and is logged by the background's own repository.
    const background = searchIndexRepository(db);
    const b = makeNote({ quote: 'sparse embeddings' });
    await db.notes.bulkPut([{ ...a, quote: 'dense retrieval', updatedAt: a.updatedAt + 1 }, b]);
    await background.noteChanged([a.id, b.id]);
    await ask('searchIndexChanged', { ids: [a.id, b.id] });
    expect((await ask('searchNotes', { query: 'embeddings', limit: 5 })).map((h) => h.id)).toEqual([b.id]);
    expect((await ask('searchNotes', { query: 'dense', limit: 5 })).map((h) => h.id)).toEqual([a.id]);
  });

  it('saves its warm index so a fresh page loads the same answers, and rebuilds after a bulk seed', async () => {
    startHost();
    expect(await ask('searchNotes', { query: 'postgres', limit: 5 })).toEqual([]);
    const seeded = makeNote({ quote: 'postgres vacuum tuning' });
    await db.notes.put(seeded); // behind the hooks' back, as benchmarks seed
    await ask('compactSearchIndex', { rebuild: true });
    expect((await ask('searchNotes', { query: 'postgres', limit: 5 })).map((h) => h.id)).toEqual([seeded.id]);
    const fresh = await searchIndexRepository(db).open();
    expect(fresh.search('postgres').map((h) => h.id)).toEqual([seeded.id]);
  });
});
