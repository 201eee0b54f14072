import { describe, expect, it } from 'vitest';
import { makeNote } from '../../tests/factories';
import type { Note } from '../model';
import type { SearchHit } from '../search';
import { hostBackend } from './backends';
import { createSearchClient, type SearchBackend } from './client';

/** A backend whose answers the test releases by hand, in any order. */
function manualBackend() {
  const pending: { query: string; resolve: (hits: SearchHit[]) => void }[] = [];
  const rows = new Map<string, (notes: Note[]) => void>();
  const backend: SearchBackend = {
    search: (query) => new Promise((resolve) => pending.push({ query, resolve })),
    searchRows: (query) => new Promise((resolve) => rows.set(query, resolve)),
    changed: async () => undefined,
    topTags: async () => [],
  };
  const answer = (query: string) => pending.find((p) => p.query === query)!.resolve([{ id: query, score: 1 }]);
  const answerRows = (query: string, notes: Note[]) => rows.get(query)!(notes);
  return { backend, answer, answerRows };
}

describe('search client', () => {
  it('drops an answer that arrives after a newer search started, even when it arrives last', async () => {
    const { backend, answer } = manualBackend();
    const client = createSearchClient(backend);
    const older = client.search('re', 20);
    const newer = client.search('react', 20);
    answer('react');
    answer('re');
    expect(await newer).toEqual([{ id: 'react', score: 1 }]);
    expect(await older).toBeNull();
  });

  it('keeps the answer of the latest search when answers come in order', async () => {
    const { backend, answer } = manualBackend();
    const client = createSearchClient(backend);
    const first = client.search('a', 20);
    answer('a');
    expect(await first).toEqual([{ id: 'a', score: 1 }]);
    const second = client.search('ab', 20);
    answer('ab');
    expect(await second).toEqual([{ id: 'ab', score: 1 }]);
  });

  it('drops stale rows the same way, whichever kind of search is newer', async () => {
    const { backend, answer, answerRows } = manualBackend();
    const client = createSearchClient(backend);
    const note = makeNote({ quote: 'react hooks' });
    const older = client.searchRows('re', 20);
    const newer = client.search('react', 20);
    answerRows('re', [note]);
    answer('react');
    expect(await older).toBeNull();
    expect(await newer).toEqual([{ id: 'react', score: 1 }]);
    const latest = client.searchRows('react h', 20);
    answerRows('react h', [note]);
    expect(await latest).toEqual([note]);
  });
});

describe('host backend', () => {
  it('asks the background for the host and tries again when nobody answered', async () => {
    const sent: string[] = [];
    let hasHost = false;
    const send = (async (type: string) => {
      sent.push(type);
      if (type === 'ensureSearchHost') return void (hasHost = true);
      if (!hasHost) throw new Error('Could not establish connection. Receiving end does not exist.');
      return [{ id: 'n1', score: 0.5 }];
    }) as Parameters<typeof hostBackend>[0];
    const hits = await hostBackend(send).search('kubernetes', 5);
    expect(hits).toEqual([{ id: 'n1', score: 0.5 }]);
    expect(sent).toEqual(['searchNotes', 'ensureSearchHost', 'searchNotes']);
  });

  it('passes the error on when the host still cannot answer', async () => {
    const send = (async (type: string) => {
      if (type === 'searchNotes') throw new Error('broken index');
    }) as Parameters<typeof hostBackend>[0];
    await expect(hostBackend(send).search('x', 5)).rejects.toThrow('broken index');
  });

  it('hands back the rows in the order of the hits, without those of notes deleted since', async () => {
    const [a, b] = [makeNote({ quote: 'a' }), makeNote({ quote: 'b' })];
    const sent: unknown[] = [];
    const send = (async (type: string, data: unknown) => {
      sent.push([type, data]);
      return {
        hits: [
          { id: b.id, score: 2 },
          { id: 'gone', score: 1.5 },
          { id: a.id, score: 1 },
        ],
        rows: [a, b],
      };
    }) as Parameters<typeof hostBackend>[0];
    expect(await hostBackend(send).searchRows('x', 5)).toEqual([b, a]);
    expect(sent).toEqual([['searchNotesWithRows', { query: 'x', limit: 5, has: [] }]]);
  });
});
