import { describe, expect, it } from 'vitest';
import { SearchIndex } from './index';
import { Postings } from './postings';
import { doc } from '../testing/search-docs';

const NOW = Date.UTC(2026, 10, 27);

describe('postings views', () => {
  it("hand out each term's slots as a list or a bitset, whatever shape holds them", () => {
    const p = new Postings(4096);
    p.reserve(4, 4096);
    for (const s of [3, 9, 27]) p.add(0, s); // a short list
    for (let s = 0; s < 4000; s += 2) p.add(1, s); // common enough to become a bitset
    p.add(2, 41); // one slot, held inline
    expect([...p.listOf(0)!].sort((a, b) => a - b)).toEqual([3, 9, 27]);
    expect(p.bitsOf(0)).toBeUndefined();
    expect(p.listOf(1)).toBeUndefined();
    const bits = p.bitsOf(1)!;
    expect((bits[3996 >>> 5]! >>> (3996 & 31)) & 1).toBe(1);
    expect((bits[3997 >>> 5]! >>> (3997 & 31)) & 1).toBe(0);
    expect([...p.listOf(2)!]).toEqual([41]);
    expect([...p.listOf(3)!]).toEqual([]); // a term no slot holds
    p.remove(0, 9);
    expect([...p.listOf(0)!].sort((a, b) => a - b)).toEqual([3, 27]);
  });

  it('hand out the slots of a loaded pool', () => {
    const p = new Postings(64);
    p.fill(2, 64, (visit) => {
      visit(5, 0);
      visit(7, 0);
      visit(7, 1);
    });
    expect([...p.listOf(0)!]).toEqual([5, 7]);
    expect([...p.listOf(1)!]).toEqual([7]);
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

  it('a short prefix stops at its budget of docs, the latest added first', () => {
    // Every doc has "the", and the first added are the newest: without the budget they would rank first.
    const hits = index.search('th', { now: NOW, limit: 20 });
    expect(hits).toHaveLength(20);
    for (const h of hits) expect(Number(h.id.slice(1))).toBeGreaterThanOrEqual(30_000 - 12_000);
    // A word typed in full is not budgeted: the newest docs come first.
    expect(index.search('the', { now: NOW, limit: 1 })[0]!.id).toBe('n0');
  });
});

describe('a common stem', () => {
  // "micro" begins 80 words, 200 docs each, among 30,000 docs. The newest docs (added first) hold the words
  // that sort late: micro63 in m0..m199, micro62 in m200..m399, and so on down to micro00; then micro64..79.
  const wordOf = (i: number) => {
    const k = i < 64 * 200 ? 63 - Math.floor(i / 200) : i < 80 * 200 ? Math.floor(i / 200) : -1;
    return k < 0 ? 'cache' : `micro${String(k).padStart(2, '0')}`;
  };
  const many = Array.from({ length: 30_000 }, (_, i) =>
    doc({ id: `m${i}`, quote: `the ${wordOf(i)} service`, createdAt: NOW - i }),
  );
  const index = SearchIndex.build(many);

  it('walks no more docs than a short prefix does, and every hit has the stem', () => {
    // Unbudgeted, the newest docs (m0…, micro63) would come first. The budget of 12,000 docs takes the words
    // in order (micro00 first) and stops after 60 of them: the newest doc it reaches holds micro59.
    const hits = index.search('micro', { now: NOW, limit: 20 });
    expect(hits).toHaveLength(20);
    for (const h of hits) {
      expect(Number(h.id.slice(1))).toBeGreaterThanOrEqual((63 - 59) * 200);
      expect(many[Number(h.id.slice(1))]!.quote).toMatch(/\bmicro/);
    }
  });

  it('is not budgeted once the prefix narrows to a few words', () => {
    // "micro4" begins ten words: all their docs are in the running, and the newest (micro49's) comes first.
    expect(index.search('micro4', { now: NOW, limit: 1 })[0]!.id).toBe(`m${(63 - 49) * 200}`);
  });
});
