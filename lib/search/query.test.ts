import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_HELP } from './query';

const NOW = Date.UTC(2026, 10, 27);

describe('parseQuery', () => {
  it('reads free words, marking only the word being typed as a prefix', () => {
    expect(parseQuery('React hoo', NOW).words).toEqual([
      { text: 'react', isPrefix: false },
      { text: 'hoo', isPrefix: true },
    ]);
    expect(parseQuery('react hooks ', NOW).words.every((w) => !w.isPrefix)).toBe(true);
  });

  it('reads quoted phrases, also unterminated while typing', () => {
    expect(parseQuery('"use state" x', NOW).phrases).toEqual([['use', 'state']]);
    expect(parseQuery('"exact phr', NOW).phrases).toEqual([['exact', 'phr']]);
  });

  it('reads every filter of the help line', () => {
    const q = parseQuery(
      'tag:React kind:question by:"Sarah Chen" site:www.GitHub.com in:rust-lang is:unanswered x',
      NOW,
    );
    expect(q.filters).toEqual([
      { field: 'tag', terms: ['react'], isPrefix: false },
      { field: 'kind', terms: ['question'], isPrefix: false },
      { field: 'by', terms: ['sarah', 'chen'], isPrefix: false },
      { field: 'site', terms: ['github.com'], isPrefix: false },
      { field: 'in', terms: ['rust', 'lang'], isPrefix: false },
    ]);
    expect(q.isUnanswered).toBe(true);
    expect(q.errors).toEqual([]);
    for (const op of ['tag:', 'kind:', 'by:', 'site:', 'in:', 'is:unanswered', 'before:', 'after:', '"', '-word']) {
      expect(QUERY_HELP).toContain(op);
    }
  });

  it('reads exclusions of words and filters', () => {
    const q = parseQuery('react -class -tag:legacy', NOW);
    expect(q.words.map((w) => w.text)).toEqual(['react']);
    expect(q.excludeWords).toEqual(['class']);
    expect(q.excludeFilters).toEqual([{ field: 'tag', terms: ['legacy'] }]);
  });

  it('reads absolute and relative dates', () => {
    expect(parseQuery('after:2024-05-01 before:2025', NOW)).toMatchObject({
      after: Date.UTC(2024, 4, 1),
      before: Date.UTC(2025, 0, 1),
    });
    expect(parseQuery('after:7d', NOW).after).toBe(NOW - 7 * 86_400_000);
  });

  it('reports operators it cannot read and keeps the rest', () => {
    const q = parseQuery('before:yesterday is:lost react', NOW);
    expect(q.errors).toHaveLength(2);
    expect(q.before).toBeUndefined();
    expect(q.words.map((w) => w.text)).toEqual(['react']);
  });

  it('treats unknown keys as text, and a half-typed filter as a prefix', () => {
    expect(parseQuery('http://x.org', NOW).words.map((w) => w.text)).toEqual(['http', 'x', 'org']);
    expect(parseQuery('tag:rea', NOW).filters).toEqual([{ field: 'tag', terms: ['rea'], isPrefix: true }]);
  });

  it('never throws on hostile input', () => {
    for (const s of ['', '"', '-', ':::', '\u0000tag:\u0001', 'a'.repeat(10_000), 'kind:', '""""']) {
      expect(() => parseQuery(s, NOW)).not.toThrow();
    }
  });
});
