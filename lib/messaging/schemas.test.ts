import { describe, expect, it } from 'vitest';
import { CaptureRequestSchema } from './schemas';

const ok = {
  mode: 'selection',
  url: 'https://ex.com/a',
  quote: 'A quote',
  selectors: [{ type: 'TextQuoteSelector', exact: 'A quote', prefix: '', suffix: '' }],
  html: '<p>A quote</p>',
};

describe('what content scripts may hand the background', () => {
  it('accepts a well-formed harvest', () => {
    expect(CaptureRequestSchema.safeParse(ok).success).toBe(true);
    expect(
      CaptureRequestSchema.safeParse({ ...ok, mode: 'link', linkUrl: 'https://x.org', linkText: 'x' }).success,
    ).toBe(true);
  });

  it.each([
    ['a javascript: page', { ...ok, url: 'javascript:alert(1)' }],
    ['a data: link', { ...ok, mode: 'link', linkUrl: 'data:text/html,<script>1</script>' }],
    ['an unknown mode', { ...ok, mode: 'delete-everything' }],
    ['unknown fields', { ...ok, isAdmin: true }],
    ['a forged selector type', { ...ok, selectors: [{ type: 'CssSelector', value: 'body' }] }],
    ['a NUL byte', { ...ok, quote: 'a\u0000b' }],
    ['a lone surrogate', { ...ok, quote: 'a\ud800' }],
    ['a huge page', { ...ok, html: 'x'.repeat(8_000_001) }],
    ['too many selectors', { ...ok, selectors: Array(9).fill(ok.selectors[0]) }],
    ['a malformed chat context', { ...ok, chat: { platform: 'slack', messages: 'all of them' } }],
  ])('rejects %s', (_, input) => {
    expect(CaptureRequestSchema.safeParse(input).success).toBe(false);
  });
});
