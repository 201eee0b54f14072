import { describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { SearchIndex, toSearchDoc } from './index';

const NOW = Date.UTC(2026, 10, 27);

/** A quote of `length` characters made of ordinary words, with `word` starting at character `at`. */
function quoteWith(word: string, at: number, length: number): string {
  const filler = 'the team reviewed the latency figures of every release before merging ';
  const before = filler.repeat(Math.ceil(at / filler.length)).slice(0, at - 1) + ' ';
  const after = ' ' + filler.repeat(Math.ceil(length / filler.length));
  return (before + word + after).slice(0, length);
}

describe('a long quote', () => {
  const quote = quoteWith('quorumslip', 5_000, 12_000);
  const note = makeNote({ quote, createdAt: NOW - 1000, updatedAt: NOW - 1000 });
  const other = makeNote({ quote: quoteWith('elsewhere', 100, 900) });

  it('places the word where the test means it to be', () => {
    expect(quote.indexOf('quorumslip')).toBe(5_000);
    expect(quote.length).toBe(12_000);
  });

  it('is found by a word at character 5,000, typed whole, as a prefix and with a typo', () => {
    const index = SearchIndex.build([toSearchDoc(note), toSearchDoc(other)]);
    const ids = (q: string) => index.search(q, { now: NOW }).map((h) => h.id);
    expect(ids('quorumslip ')).toEqual([note.id]);
    expect(ids('quorums')).toEqual([note.id]);
    expect(ids('qourumslip ')).toEqual([note.id]);
    expect(ids('"the quorumslip"')).toEqual([]);
    expect(ids('"reviewed the latency"')).toEqual(expect.arrayContaining([note.id, other.id]));
  });

  it('is still found after the index is saved and loaded', () => {
    const bytes = SearchIndex.build([toSearchDoc(note), toSearchDoc(other)]).serialize();
    const loaded = SearchIndex.load(bytes);
    expect(loaded.search('quorumslip', { now: NOW }).map((h) => h.id)).toEqual([note.id]);
  });

  it('is found to its last word at the model’s limit of 20,000 characters', () => {
    const longest = makeNote({ quote: quoteWith('lastwordhere', 19_980, 20_000) });
    expect(longest.quote.length).toBe(20_000);
    const index = SearchIndex.build([toSearchDoc(longest)]);
    expect(index.search('lastwordhere', { now: NOW }).map((h) => h.id)).toEqual([longest.id]);
  });
});
