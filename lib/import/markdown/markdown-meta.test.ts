import { describe, expect, it } from 'vitest';
import { firstUrl } from './markdown-meta';

describe('firstUrl', () => {
  it.each([
    [
      "site:: [Wikipedia](https://en.wikipedia.org/wiki/Don't_repeat_yourself)",
      "https://en.wikipedia.org/wiki/Don't_repeat_yourself",
    ],
    [
      '[x](https://en.wikipedia.org/wiki/Rust_(programming_language)) after',
      'https://en.wikipedia.org/wiki/Rust_(programming_language)',
    ],
    ['see <https://example.com/a b> and', 'https://example.com/a'],
    ['see <https://example.com/a> and https://example.com/b', 'https://example.com/a'],
    ['"https://example.com/q?x=1", said', 'https://example.com/q?x=1'],
    ['no link here', undefined],
  ])('%s', (text, url) => {
    expect(firstUrl(text)).toBe(url);
  });
});
