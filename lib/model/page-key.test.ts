import { describe, expect, it } from 'vitest';
import { isSameSite, pageKey, stripTracking } from './page-key';

describe('pageKey', () => {
  it('treats the URLs of one page alike', () => {
    const same = [
      'https://example.com/post',
      'http://example.com/post',
      'https://www.example.com/post/',
      'https://EXAMPLE.com/post#section-2',
      'https://example.com/post?utm_source=news&utm_medium=email',
      'https://example.com:443/post?fbclid=abc&gclid=def',
    ];
    expect(new Set(same.map(pageKey))).toEqual(new Set(['example.com/post']));
  });
  it('keeps what changes the page: path, meaningful query (in any order), ports', () => {
    expect(pageKey('https://ex.com/a?b=2&a=1')).toBe(pageKey('https://ex.com/a?a=1&b=2'));
    expect(pageKey('https://ex.com/a?id=1')).not.toBe(pageKey('https://ex.com/a?id=2'));
    expect(pageKey('https://ex.com/a')).not.toBe(pageKey('https://ex.com/b'));
    expect(pageKey('http://localhost:8080/a')).toBe('localhost:8080/a');
  });
  it('stripTracking removes tracking parameters and the fragment only', () => {
    expect(stripTracking('https://ex.com/a?utm_campaign=x&q=1&MC_EID=2#h')).toBe('https://ex.com/a?q=1');
  });
});

describe('isSameSite', () => {
  it('accepts the same host with or without www., over http or https, and any path', () => {
    expect(isSameSite('https://www.example.com/a?x=1', 'http://example.com/b')).toBe(true);
    expect(isSameSite('https://example.com/a', 'https://EXAMPLE.com/a#frag')).toBe(true);
  });
  it('refuses another site, a lookalike subdomain, and anything that is not a URL', () => {
    expect(isSameSite('https://evil.test/a', 'https://intranet.example.com/a')).toBe(false);
    expect(isSameSite('https://example.com.evil.test/', 'https://example.com/')).toBe(false);
    expect(isSameSite('https://example.com/', 'not a url')).toBe(false);
    expect(isSameSite('', 'https://example.com/')).toBe(false);
  });
});
