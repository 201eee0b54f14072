import search from 'approx-string-match';
import { seededRandom } from '../testing/seeded-random';
import { describe, expect, it } from 'vitest';
import { minSubstringDistance, prefixSimilarity, suffixSimilarity } from './context';

/** Small alphabet, so random strings share many near matches. */
function randomText(rand: () => number, n: number) {
  return Array.from({ length: n }, () => 'abc d'[Math.floor(rand() * 5)]).join('');
}

describe('minSubstringDistance', () => {
  it('agrees with approx-string-match on the fewest errors of any match', () => {
    const rand = seededRandom(42);
    for (let k = 0; k < 200; k++) {
      const text = randomText(rand, 1 + Math.floor(rand() * 60));
      const pattern = randomText(rand, 1 + Math.floor(rand() * (k % 2 ? 12 : 40)));
      const max = Math.floor(pattern.length / 2);
      const matches = search(text, pattern, max);
      const expected = matches.length ? Math.min(...matches.map((m) => m.errors)) : Infinity;
      expect(minSubstringDistance(text, pattern, max), `${pattern} in ${text}`).toBe(expected);
    }
  });
  it('is 0 for a verbatim occurrence and counts a typo as one edit', () => {
    expect(minSubstringDistance('the quick brown fox', 'brown', 2)).toBe(0);
    expect(minSubstringDistance('the quick brwn fox', 'brown', 2)).toBe(1);
    expect(minSubstringDistance('zzzz', 'brown', 2)).toBe(Infinity);
  });
});

describe('context similarity', () => {
  it('finds a context pushed away by an inserted element, and scores a changed one lower', () => {
    const text = 'Plant garlic in autumn. Advertisement Pointy end up, two inches deep.';
    const start = text.indexOf('Pointy');
    expect(prefixSimilarity(text, start, 'Plant garlic in autumn.')).toBe(1);
    expect(prefixSimilarity(text, start, 'Plant garlik in autumn.')).toBeCloseTo(1 - 1 / 23);
    expect(prefixSimilarity(text, start, 'Sow tulips in the spring, deep')).toBe(0);
    expect(suffixSimilarity(text, text.indexOf(', two'), ', two inches deep.')).toBe(1);
  });
});
