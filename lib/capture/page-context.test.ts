// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractPageContext } from './page-context';
import { PageContextSchema } from '../model';
import { corpusDir, corpusPages, NEEDS_CORPUS } from '../testing/corpus';

const CORPUS = corpusDir() ?? '';
const pages = corpusPages(['source.html', 'expected-metadata.json']);
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe.skipIf(!CORPUS)(`extractPageContext on real pages ${NEEDS_CORPUS}`, () => {
  it('has the corpus', () => expect(pages.length).toBeGreaterThanOrEqual(30));

  it.each(pages)(
    '%s: metadata as Readability reads it, live document untouched',
    (page) => {
      const html = readFileSync(join(CORPUS, page, 'source.html'), 'utf8');
      const expected = JSON.parse(readFileSync(join(CORPUS, page, 'expected-metadata.json'), 'utf8'));
      const url = `http://fakehost/test/${page}/?utm_source=feed&id=3`;
      const { window } = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
      const before = window.document.documentElement.outerHTML;

      const ctx = extractPageContext(window.document, url);

      expect(window.document.documentElement.outerHTML).toBe(before);
      expect(PageContextSchema.safeParse(ctx).success).toBe(true);
      if (expected.title) expect(norm(ctx.title)).toBe(norm(expected.title));
      if (expected.byline) expect(norm(ctx.byline)).toBe(norm(expected.byline));
      if (expected.excerpt) expect(norm(ctx.excerpt)).toBe(norm(expected.excerpt).slice(0, 5000));
      if (expected.lang) expect(ctx.lang).toBe(expected.lang);
      expect(ctx.canonicalUrl).not.toContain('utm_source');
    },
    120_000,
  ); // jsdom parses multi-megabyte pages: slow on a loaded 2-core machine
});

describe('extractPageContext without an article', () => {
  const make = (html: string, url = 'https://example.com/a?utm_medium=x&fbclid=1&q=2#frag') =>
    extractPageContext(new JSDOM(html, { url }).window.document, url);

  it('still gives a title and a cleaned URL', () => {
    const ctx = make('<html><head><title> Tiny page </title></head><body><p>hi</p></body></html>');
    expect(ctx.title).toBe('Tiny page');
    expect(ctx.canonicalUrl).toBe('https://example.com/a?q=2');
    expect(ctx.url).toBe('https://example.com/a?utm_medium=x&fbclid=1&q=2');
  });

  it('prefers rel=canonical, then og:url, and ignores non-web canonicals', () => {
    expect(make('<link rel="canonical" href="/canon">').canonicalUrl).toBe('https://example.com/canon');
    expect(make('<meta property="og:url" content="https://ex.org/og">').canonicalUrl).toBe('https://ex.org/og');
    expect(make('<link rel="canonical" href="javascript:alert(1)">').canonicalUrl).toBe('https://example.com/a?q=2');
  });

  it('falls back to the host name when the page has no title at all', () => {
    expect(make('<body></body>').title).toBe('example.com');
  });
});
