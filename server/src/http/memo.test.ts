import { describe, expect, it } from 'vitest';
import { Memo } from './memo';

describe('Memo', () => {
  it('keeps what a reader stored until a write invalidates it', () => {
    const memo = new Memo<number>();
    memo.set('a', 1, memo.stamp());
    memo.set('b', 2, memo.stamp());
    expect(memo.get('a')).toBe(1);
    memo.invalidate('a');
    expect([memo.get('a'), memo.get('b')]).toEqual([undefined, 2]);
    memo.invalidate();
    expect(memo.get('b')).toBeUndefined();
  });

  it('never stores a value read before a write that committed meanwhile', () => {
    const memo = new Memo<string>();
    const stamp = memo.stamp(); // a reader starts its query...
    memo.invalidate('head'); // ...a write commits...
    memo.set('head', 'stale', stamp); // ...and the reader's answer arrives: dropped.
    expect(memo.get('head')).toBeUndefined();
    memo.set('head', 'fresh', memo.stamp());
    expect(memo.get('head')).toBe('fresh');
  });

  it('stays bounded', () => {
    const memo = new Memo<number>(3);
    for (let i = 0; i < 10; i++) memo.set(String(i), i, memo.stamp());
    expect([...Array(10).keys()].filter((i) => memo.get(String(i)) !== undefined).length).toBeLessThanOrEqual(3);
  });
});
