import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownLine } from './markdown';

const HOSTILE = [
  '](javascript:alert(1))',
  '[click](javascript:alert(1))',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![x](https://tracker.example/p.png)',
  '<https://evil.example>',
  'see www.evil.example or https://evil.example/x or a@evil.example',
  '- a list\n# a heading\n\n---',
  '1. numbered',
  '&lt;b&gt; &amp; &#x3C;',
  '| a | b |',
  '**bold** _em_ `code` ~~gone~~ \\',
];
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const decode = (html: string) =>
  html.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
  );

/** What CommonMark (marked, GFM on) makes of the escaped text in a paragraph: it must be one text node. */
function rendered(text: string): string {
  const html = (marked.parse(`Title: ${escapeMarkdownLine(text)}`, { async: false }) as string).trim();
  expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
  const inner = html.slice(3, -4);
  expect(inner).not.toMatch(/<[a-z/!]/i);
  return decode(inner);
}

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('keeps %j as the same words, with no link, image, HTML or block', (text) => {
    expect(rendered(text)).toBe(`Title: ${squash(text)}`);
  });

  it('turns any text into the same words and nothing else (property, through marked)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab<>[]()!*_`~#|&;:/.@-+=1\\ \n"\'w') }), (text) => {
        expect(squash(rendered(text))).toBe(squash(`Title: ${text}`));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a table cell one cell', () => {
    const html = marked.parse(`| a | b |\n| --- | --- |\n| ${escapeMarkdown('x | y')} | z |`, {
      async: false,
    }) as string;
    expect(html.match(/<td>/g)).toHaveLength(2);
  });

  it('lets a line start with a dash or a number without making a list', () => {
    expect(marked.parse(escapeMarkdownLine('- 1. item'), { async: false })).toBe('<p>- 1. item</p>\n');
    expect(marked.parse(escapeMarkdownLine('2) item'), { async: false })).toBe('<p>2) item</p>\n');
  });
});
