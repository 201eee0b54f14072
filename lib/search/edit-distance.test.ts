import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance';
import { Vocab } from './vocab';

/** The textbook optimal-string-alignment distance, whole table, no early exit: the reference. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

describe('boundedEditDistance', () => {
  it('agrees with the full table up to its bound, and says "more" beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '日'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const want = osa(a, b);
        expect(boundedEditDistance(a, b, max)).toBe(want <= max ? want : max + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a swap of neighbours as one edit, and reuses its rows across lengths', () => {
    expect(boundedEditDistance('hooks', 'hoosk', 2)).toBe(1);
    expect(boundedEditDistance('a'.repeat(200), 'a'.repeat(199) + 'b', 2)).toBe(1);
    expect(boundedEditDistance('ab', 'ba', 2)).toBe(1);
  });
});

describe('typo neighbours', () => {
  it('are the live words within the budget, nearest first, whatever was asked before', () => {
    const vocab = new Vocab(['deploy', 'deploys', 'deplay', 'employ', 'redeploy', 'rollback']);
    for (let id = 0; id < vocab.terms.length; id++) vocab.df[id] = 1;
    const names = (word: string, edits: number) => vocab.nearby(word, edits, 16).map((n) => vocab.terms[n.id]);
    // A long word first, so the scratch counts must be cleared for the next.
    expect(names('x'.repeat(300), 2)).toEqual([]);
    expect(names('deploy', 1)).toEqual(['deplay', 'deploys']);
    expect(names('deploy', 2)).toEqual(['deplay', 'deploys', 'employ', 'redeploy']);
    expect(names('dpeloy', 1)).toEqual(['deploy']); // a swap is one edit
    expect(names('dxplxy', 1)).toEqual([]);
    expect(names('depoly', 1)).toEqual(['deploy']);
  });
});
