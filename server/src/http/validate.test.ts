import { describe, expect, it } from 'vitest';
import { jsonDepth } from './validate';

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth('"[[[[[[" ')).toBe(0);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
    expect(jsonDepth('['.repeat(100))).toBe(100);
  });
});
