import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { makeNote } from '../testing/make-note';
import { hostBackend } from './backends';
import { createSearchClient, type SearchBackend } from './client';

/** A backend whose answers the test releases by hand, in any order. */
function manualBackend() {
  const pending: { query: string; resolve: (found: Note[]) => void }[] = [];
  const backend: SearchBackend = {
    search: (query) => new Promise((resolve) => pending.push({ query, resolve })),
    changed: async () => undefined,
    topTags: async () => [],
  };
  const answer = (query: string) => pending.find((p) => p.query === query)!.resolve([makeNote({ id: query })]);
  return { backend, answer };
}

describe('search client', () => {
  it('drops an answer that arrives after a newer search started, even when it arrives last', async () => {
    const { backend, answer } = manualBackend();
    const client = createSearchClient(backend);
    const older = client.search('re', 20);
    const newer = client.search('react', 20);
    answer('react');
    answer('re');
    expect((await newer)?.map((n) => n.id)).toEqual(['react']);
    expect(await older).toBeNull();
  });

  it('keeps the answer of the latest search when answers come in order', async () => {
    const { backend, answer } = manualBackend();
    const client = createSearchClient(backend);
    const first = client.search('a', 20);
    answer('a');
    expect((await first)?.map((n) => n.id)).toEqual(['a']);
    const second = client.search('ab', 20);
    answer('ab');
    expect((await second)?.map((n) => n.id)).toEqual(['ab']);
  });
});

describe('host backend', () => {
  it('asks the background for the host and tries again when nobody answered', async () => {
    const sent: string[] = [];
    let hasHost = false;
    const send = (async (type: string) => {
      sent.push(type);
      if (!hasHost) throw new Error('Could not establish connection. Receiving end does not exist.');
      return [makeNote({ id: 'n1' })];
    }) as Parameters<typeof hostBackend>[0];
    const ensure = async () => {
      sent.push('ensureSearchHost');
      hasHost = true;
    };
    const hits = await hostBackend(send, ensure).search('kubernetes', 5);
    expect(hits.map((n) => n.id)).toEqual(['n1']);
    expect(sent).toEqual(['searchNotes', 'ensureSearchHost', 'searchNotes']);
  });

  it('passes the error on when the host still cannot answer', async () => {
    const send = (async (type: string) => {
      if (type === 'searchNotes') throw new Error('broken index');
    }) as Parameters<typeof hostBackend>[0];
    await expect(hostBackend(send, async () => undefined).search('x', 5)).rejects.toThrow('broken index');
  });
});
