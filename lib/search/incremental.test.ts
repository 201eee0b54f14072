import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTE_KINDS } from '../model/note';
import type { SearchDoc } from './doc';
import { SearchIndex } from './index';
import { doc } from '../testing/search-docs';

const NOW = Date.UTC(2026, 10, 27);
const WORDS = [
  'react',
  'reacts',
  'hooks',
  'state',
  'stale',
  'index',
  'indexes',
  'query',
  'поиск',
  '数据库',
  'cache',
  'caches',
];
const IDS = [
  'a',
  'b',
  'c',
  'd',
  'e',
  'f',
  '0190a0b1-0000-7000-8000-000000000001',
  '0190a0b1-0000-7000-8000-000000000002',
];
const QUERIES = [
  '',
  'react',
  'reac',
  'raect ',
  'state hooks',
  'stat',
  'indexs ',
  '"hooks state"',
  'tag:t1',
  'kind:question',
  'is:unanswered',
  'cache -react',
  'поиск',
  'by:ann',
  'site:b.org',
];

const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));
const searchDoc: fc.Arbitrary<SearchDoc> = fc
  .record({
    id: fc.constantFrom(...IDS),
    kind: fc.constantFrom(...NOTE_KINDS),
    title: text,
    quote: text,
    takeaway: text,
    site: fc.constantFrom('a.com', 'docs.b.org', 'b.org'),
    tags: fc.uniqueArray(fc.constantFrom('t1', 't2', 't3'), { maxLength: 2 }),
    author: fc.constantFrom('Ann Lee', 'Bo Chen'),
    createdAt: fc.integer({ min: NOW - 1000 * 86_400_000, max: NOW }),
    thanks: fc.nat(30),
    answers: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
  })
  .map((r) => doc(r));
const op = fc.oneof(
  searchDoc.map((d) => ({ type: 'upsert' as const, doc: d })),
  fc.constantFrom(...IDS).map((id) => ({ type: 'remove' as const, id })),
);

const results = (index: SearchIndex) => QUERIES.map((q) => index.search(q, { now: NOW, limit: 50 }));

describe('incremental maintenance', () => {
  it('add/update/remove in any order equals a fresh build of the surviving docs (and its saved copy)', () => {
    fc.assert(
      fc.property(fc.array(searchDoc, { maxLength: 6 }), fc.array(op, { maxLength: 25 }), (initial, ops) => {
        let index = SearchIndex.build(initial);
        const live = new Map(initial.map((d) => [d.id, d]));
        ops.forEach((o, i) => {
          // Halfway, continue on a saved-and-loaded copy: loaded indexes must stay maintainable.
          if (i === Math.floor(ops.length / 2)) index = SearchIndex.load(index.serialize());
          if (o.type === 'upsert') {
            index.upsert(o.doc);
            live.set(o.doc.id, o.doc);
          } else {
            expect(index.remove(o.id)).toBe(live.delete(o.id));
          }
        });
        const fresh = SearchIndex.build([...live.values()].reverse());
        expect(index.size).toBe(live.size);
        expect(results(index)).toEqual(results(fresh));
        expect(results(SearchIndex.load(index.serialize()))).toEqual(results(fresh));
      }),
      { numRuns: 150 },
    );
  });
});

describe('incremental maintenance at scale', () => {
  it('stays equal to a fresh build through bitset postings, slot reuse and storage compaction', () => {
    const make = (i: number, v: number) =>
      doc({
        id: `n${i}`,
        quote: `${WORDS[i % WORDS.length]} common words v${v} ${'filler '.repeat(i % 40)}`,
        createdAt: NOW - i * 3_600_000,
      });
    let index = SearchIndex.build(Array.from({ length: 400 }, (_, i) => make(i, 0)));
    const live = new Map(Array.from({ length: 400 }, (_, i) => [`n${i}`, make(i, 0)]));
    for (let round = 1; round <= 3; round++) {
      for (let i = round; i < 400; i += 2) {
        index.remove(`n${i}`);
        live.delete(`n${i}`);
      }
      for (let i = 0; i < 400; i += 3) {
        index.upsert(make(i, round));
        live.set(`n${i}`, make(i, round));
      }
      if (round === 2) index = SearchIndex.load(index.serialize());
    }
    const fresh = SearchIndex.build(live.values());
    for (const q of ['common', 'words v3', 'fill', 'react', 'v1', '']) {
      expect(index.search(q, { now: NOW, limit: 100 })).toEqual(fresh.search(q, { now: NOW, limit: 100 }));
    }
  });
});
