import { describe, expect, it } from 'vitest';
import { keystrokeLatencies } from '../../bench/keystrokes';

describe('bench:popup keystroke latencies', () => {
  it('times each key to the first list shown for its query', () => {
    const shown = [
      { query: 'r', at: 15 },
      { query: 're', at: 130 },
    ];
    expect(keystrokeLatencies('re', [10, 100], shown)).toEqual([5, 30]);
  });

  it('times an overtaken key to the list of a later query', () => {
    const shown = [{ query: 'abc', at: 250 }];
    expect(keystrokeLatencies('abc', [100, 160, 220], shown)).toEqual([150, 90, 30]);
  });

  it('counts a space after an answered word as answered at once, and compares queries trimmed', () => {
    const shown = [
      { query: 'ab', at: 120 },
      { query: 'ab c', at: 250 },
    ];
    expect(keystrokeLatencies('ab c', [50, 100, 160, 220], shown)).toEqual([70, 20, 0, 30]);
  });

  it('does not count a space as answered while its word is still on its way', () => {
    const shown = [
      { query: 'a', at: 60 },
      { query: 'ab ', at: 200 },
    ];
    // 'ab' not yet shown when the space is typed: the space waits for the list of 'ab'.
    expect(keystrokeLatencies('ab ', [50, 100, 150], shown)).toEqual([10, 100, 50]);
  });

  it('gives NaN for a key whose query never got a list', () => {
    expect(keystrokeLatencies('ab', [10, 20], [{ query: 'a', at: 15 }])).toEqual([5, NaN]);
  });
});
