import { describe, expect, it } from 'vitest';
import { SearchIndex } from './index';
import { Postings } from './postings';
import { doc } from './test-docs';

const NOW = Date.UTC(2026, 10, 27);

describe('postings walked from the top', () => {
  it('visits the highest slots first and stops at the budget, for lists and bitsets alike', () => {
    const p = new Postings(4096);
    p.reserve(2, 4096);
    for (const s of [3, 9, 27]) p.add(0, s); // a short list
    for (let s = 0; s < 4000; s += 2) p.add(1, s); // common enough to become a bitset
    const walk = (term: number, max: number) => {
      const out: number[] = [];
      const n = p.forEachFromTop(term, (s) => out.push(s), max);
      return { out, n };
    };
    expect(walk(0, 2)).toEqual({ out: [27, 9], n: 2 });
    expect(walk(0, 10)).toEqual({ out: [27, 9, 3], n: 3 });
    expect(p.has(0, 9)).toBeUndefined(); // lists answer through forEach only
    expect(walk(1, 3)).toEqual({ out: [3998, 3996, 3994], n: 3 });
    expect(p.has(1, 3996)).toBe(true);
    expect(p.has(1, 3997)).toBe(false);
  });
});

describe('queries over very common words', () => {
  const many = Array.from({ length: 30_000 }, (_, i) =>
    doc({ id: `n${i}`, quote: i % 3 === 0 ? 'the planner uses the index' : 'the cache is warm', createdAt: NOW - i }),
  );
  const index = SearchIndex.build(many);

  it('a rare word with a common one matches exactly the docs that have both', () => {
    const rare = SearchIndex.build([...many, doc({ id: 'x', quote: 'the zeppelin index' })]);
    expect(rare.search('zeppelin the', { now: NOW }).map((h) => h.id)).toEqual(['x']);
    expect(rare.search('zeppelin cache', { now: NOW })).toEqual([]);
  });

  it('one typed letter still answers from the docs its commonest words reach', () => {
    const hits = index.search('t', { now: NOW, limit: 20 });
    expect(hits).toHaveLength(20);
    // Every hit really has a word starting with "t".
    for (const h of hits) expect(many[Number(h.id.slice(1))]!.quote).toMatch(/\bt/);
  });
});
