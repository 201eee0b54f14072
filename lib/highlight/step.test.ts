import { describe, expect, it } from 'vitest';
import { stepTarget } from './step';
import type { PaintItem } from './types';

const item = (id: string) => ({ id, isOwn: true, range: {} as Range }) satisfies PaintItem;
const items = ['a', 'b', 'c', 'd'].map(item);
/** a is above the viewport, b and c in it (height 100), d below. */
const tops: Record<string, number> = { a: -50, b: 10, c: 80, d: 300 };
const topOf = (i: PaintItem) => tops[i.id] as number;

describe('stepTarget', () => {
  it('moves from the current highlight and wraps at both ends', () => {
    expect(stepTarget(items, 'b', 'next', topOf, 100)?.id).toBe('c');
    expect(stepTarget(items, 'd', 'next', topOf, 100)?.id).toBe('a');
    expect(stepTarget(items, 'a', 'previous', topOf, 100)?.id).toBe('d');
    expect(stepTarget(items, 'c', 'previous', topOf, 100)?.id).toBe('b');
  });
  it('starts where the reader is when no card is open', () => {
    expect(stepTarget(items, null, 'next', topOf, 100)?.id).toBe('b');
    expect(stepTarget(items, null, 'previous', topOf, 100)?.id).toBe('c');
    expect(stepTarget(items, 'gone', 'next', topOf, 100)?.id).toBe('b');
  });
  it('falls back to the ends and handles an empty page', () => {
    const allAbove = (i: PaintItem) => (tops[i.id] as number) - 1000;
    expect(stepTarget(items, null, 'next', allAbove, 100)?.id).toBe('a');
    const allBelow = (i: PaintItem) => (tops[i.id] as number) + 1000;
    expect(stepTarget(items, null, 'previous', allBelow, 100)?.id).toBe('d');
    expect(stepTarget([], null, 'next', topOf, 100)).toBeNull();
  });
});
