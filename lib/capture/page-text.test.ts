// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeText } from '../model/text';
import { toReaderStrings, toReaderText } from './page-text';

describe('toReaderText: a page cannot make its own text unharvestable', () => {
  it('drops NUL, shows a lone surrogate as U+FFFD, keeps pairs and everything else', () => {
    expect(toReaderText('a\u0000b')).toBe('ab');
    expect(toReaderText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(toReaderText('emoji \uD83D\uDE00 ok')).toBe('emoji \uD83D\uDE00 ok');
    expect(toReaderText('Аda\u200B\tsame')).toBe('Аda\u200B\tsame');
  });

  it('a quote cut in the middle of a pair (slice) becomes safe text', () => {
    const cut = 'x\uD83D\uDE00'.slice(0, 2);
    expect(isSafeText(cut)).toBe(false);
    expect(toReaderText(cut)).toBe('x\uFFFD');
  });

  it('any string comes out as safe text, and safe text comes out unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = toReaderText(s);
        expect(isSafeText(out)).toBe(true);
        expect(toReaderText(out)).toBe(out);
        if (isSafeText(s)) expect(out).toBe(s);
      }),
    );
  });
});

describe('toReaderStrings', () => {
  it('cleans every string at any depth of plain objects and arrays, and nothing else', () => {
    const when = new Date(0);
    const cleaned = toReaderStrings({
      quote: 'q\u0000',
      n: 3,
      ok: true,
      none: undefined,
      when,
      selectors: [{ type: 'TextQuoteSelector', exact: 'e', prefix: 'p\u0000', suffix: '\uDBFFs' }],
      chat: { messages: [{ author: { name: 'n\uDC00' }, text: ['t\u0000'] }] },
    });
    expect(cleaned).toEqual({
      quote: 'q',
      n: 3,
      ok: true,
      none: undefined,
      when,
      selectors: [{ type: 'TextQuoteSelector', exact: 'e', prefix: 'p', suffix: '\uFFFDs' }],
      chat: { messages: [{ author: { name: 'n\uFFFD' }, text: ['t'] }] },
    });
    expect(cleaned.when).toBe(when);
  });
});
