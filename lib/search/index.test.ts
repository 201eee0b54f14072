import { describe, expect, it } from 'vitest';
import { SearchIndex } from './index';
import { doc } from '../testing/search-docs';

const NOW = Date.UTC(2026, 10, 27);
const DAY = 86_400_000;
const ids = (index: SearchIndex, q: string) => index.search(q, { now: NOW }).map((h) => h.id);

const corpus = [
  doc({
    id: 'hooks',
    title: 'React docs',
    quote: 'Hooks let you use state without classes',
    tags: ['react'],
    site: 'react.dev',
  }),
  doc({
    id: 'pg',
    kind: 'question',
    title: 'Postgres',
    quote: 'Why is my index not used',
    author: 'Sarah Chen',
    site: 'www.postgresql.org',
  }),
  doc({
    id: 'answer',
    kind: 'answer',
    quote: 'Run analyze so the planner sees the index',
    answers: 'pg',
    community: 'db-folks',
  }),
  doc({ id: 'q2', kind: 'question', quote: 'How do I profile memory leaks', site: 'docs.github.com' }),
  doc({ id: 'ru', quote: 'Быстрый поиск по заметкам', takeaway: 'индекс в памяти' }),
  doc({ id: 'zh', quote: '我喜欢学习编程和数据库' }),
  doc({ id: 'ar', quote: 'مرحبا بالعالم في البرمجة' }),
  doc({ id: 'old', quote: 'state machines are simple', createdAt: NOW - 900 * DAY }),
  doc({ id: 'new', quote: 'state machines are simple', createdAt: NOW - DAY }),
];

describe('SearchIndex.search', () => {
  const index = SearchIndex.build(corpus);

  it('finds words, prefixes while typing and typos', () => {
    expect(ids(index, 'classes')).toEqual(['hooks']);
    expect(ids(index, 'clas')).toEqual(['hooks']);
    expect(ids(index, 'calsses ')).toEqual(['hooks']);
    expect(ids(index, 'planer')).toEqual(['answer']);
  });

  it('requires every word', () => {
    expect(ids(index, 'index planner')).toEqual(['answer']);
    expect(ids(index, 'index xylophone')).toEqual([]);
  });

  it('matches exact phrases in order only', () => {
    expect(ids(index, '"use state"')).toEqual(['hooks']);
    expect(ids(index, '"state use"')).toEqual([]);
  });

  it('applies filters and exclusions', () => {
    expect(ids(index, 'kind:question').sort()).toEqual(['pg', 'q2']);
    expect(ids(index, 'is:unanswered')).toEqual(['q2']);
    expect(ids(index, 'by:sarah')).toEqual(['pg']);
    expect(ids(index, 'site:github.com')).toEqual(['q2']);
    expect(ids(index, 'site:postgresql.org index')).toEqual(['pg']);
    expect(ids(index, 'in:db-folks')).toEqual(['answer']);
    expect(ids(index, 'tag:react state')).toEqual(['hooks']);
    expect(ids(index, 'index -planner')).toEqual(['pg']);
    expect(ids(index, `state after:${new Date(NOW - 30 * DAY).toISOString().slice(0, 10)}`)).toEqual(['new']);
    expect(ids(index, 'state before:2025-01-01')).toEqual(['old']);
  });

  it('searches Cyrillic, Chinese and Arabic text', () => {
    expect(ids(index, 'поиск')).toEqual(['ru']);
    expect(ids(index, 'ПАМЯТИ')).toEqual(['ru']);
    expect(ids(index, '编程')).toEqual(['zh']);
    expect(ids(index, 'بالعالم')).toEqual(['ar']);
  });

  it('gives the newest notes for an empty query', () => {
    expect(ids(index, '')[0]).toBe('new');
    expect(index.search('', { now: NOW, limit: 3 })).toHaveLength(3);
  });
});

describe('ranking', () => {
  it('puts exact words above typo neighbours', () => {
    const index = SearchIndex.build([
      doc({ id: 'near', quote: 'reacts to input', createdAt: NOW }),
      doc({ id: 'exact', quote: 'react to input', createdAt: NOW - 400 * DAY }),
    ]);
    expect(ids(index, 'react ')).toEqual(['exact', 'near']);
  });

  it('weighs quote and takeaway above title and site', () => {
    const index = SearchIndex.build([
      doc({ id: 'title', title: 'kubernetes' }),
      doc({ id: 'quote', quote: 'kubernetes' }),
      doc({ id: 'site', site: 'kubernetes.io' }),
    ]);
    expect(ids(index, 'kubernetes ')).toEqual(['quote', 'title', 'site']);
  });

  it('prefers recent and thanked notes among equal matches', () => {
    const index = SearchIndex.build([
      doc({ id: 'old', quote: 'vector search', createdAt: NOW - 300 * DAY }),
      doc({ id: 'recent', quote: 'vector search', createdAt: NOW - DAY }),
      doc({ id: 'thanked', quote: 'vector search', createdAt: NOW - 300 * DAY, thanks: 20 }),
    ]);
    expect(ids(index, 'vector')).toEqual(['recent', 'thanked', 'old']);
  });

  it('returns best first with descending scores and respects limit', () => {
    const index = SearchIndex.build(
      Array.from({ length: 50 }, (_, i) => doc({ id: `n${i}`, quote: `note ${i} about caching`, thanks: i })),
    );
    const hits = index.search('caching', { now: NOW, limit: 7 });
    expect(hits).toHaveLength(7);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
  });
});

describe('serialize / load', () => {
  it('round-trips to an index with the same results, smaller than the docs as JSON', () => {
    const index = SearchIndex.build(corpus);
    const bytes = index.serialize();
    const loaded = SearchIndex.load(bytes);
    for (const q of ['state', 'index', 'kind:question', 'поиск', 'clas', ''])
      expect(ids(loaded, q)).toEqual(ids(index, q));
    expect(bytes.length).toBeLessThan(JSON.stringify(corpus).length);
  });

  it('rejects bytes it did not write', () => {
    expect(() => SearchIndex.load(new Uint8Array([1, 2, 3]))).toThrow(RangeError);
    const bytes = SearchIndex.build(corpus).serialize();
    expect(() => SearchIndex.load(bytes.subarray(0, bytes.length - 5))).toThrow(RangeError);
  });
});

describe('rehearsal queries', () => {
  it('types the commonest words as a user would: each prefix, a typo, two words, a tag', () => {
    const notes = [
      ...Array.from({ length: 6 }, (_, i) =>
        doc({ id: `k${i}`, quote: `kubernetes rollout ${i}`, tags: ['ops'], site: 'a.io' }),
      ),
      ...Array.from({ length: 4 }, (_, i) => doc({ id: `r${i}`, quote: `rollout window ${i}`, site: 'a.io' })),
      doc({ id: 'x', quote: 'zeppelin', site: 'a.io' }),
    ];
    const index = SearchIndex.build(notes);
    const queries = index.rehearsalQueries();
    // "rollout" (10 notes) before "kubernetes" (6); "zeppelin" (1) is not among the three commonest.
    expect(queries.slice(0, 8)).toEqual(['r', 'ro', 'rol', 'roll', 'rollo', 'rollou', 'rollout', 'rlolout']);
    expect(queries).toContain('kubernetes');
    expect(queries).toContain('rollout kubernetes');
    expect(queries).toContain('tag:ops rollout');
    expect(queries.some((q) => q.includes('zeppelin'))).toBe(false);
  });

  it('changes nothing: the same answers after running them', () => {
    const index = SearchIndex.build(corpus);
    const before = ['state', 'index', 'hooks', 'kind:question'].map((q) => ids(index, q));
    for (const q of index.rehearsalQueries()) index.search(q, { now: NOW });
    expect(['state', 'index', 'hooks', 'kind:question'].map((q) => ids(index, q))).toEqual(before);
  });

  it('is empty for an empty index', () => {
    expect(SearchIndex.build().rehearsalQueries()).toEqual([]);
  });
});
