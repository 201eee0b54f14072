import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TagSchema } from './note';

describe('TagSchema', () => {
  it('normalises what people type: leading #, spaces, case', () => {
    expect(TagSchema.parse('## Deep Work')).toBe('deep-work');
    expect(TagSchema.parse('  #React ')).toBe('react');
  });

  it('refuses a tag with nothing but # and spaces, rather than storing one that fails next time', () => {
    expect(TagSchema.safeParse('# # ').success).toBe(false);
    expect(TagSchema.safeParse('#').success).toBe(false);
  });

  it('property: a stored tag parses to itself (edit, sync and import re-validate notes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 64 }), (typed) => {
        const once = TagSchema.safeParse(typed);
        if (!once.success) return;
        expect(TagSchema.parse(once.data)).toBe(once.data);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[# \ta-z]{1,12}$/), (typed) => {
        const once = TagSchema.safeParse(typed);
        if (once.success) expect(TagSchema.parse(once.data)).toBe(once.data);
      }),
      { numRuns: 2000 },
    );
  });
});
