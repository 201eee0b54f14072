import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize';

describe('normalizeText', () => {
  it('folds case, strips diacritics and applies NFKC', () => {
    expect(normalizeText('Crème BRÛLÉE')).toBe('creme brulee');
    expect(normalizeText('ﬁle Ⅻ')).toBe('file xii');
    expect(normalizeText('Ｒｅａｃｔ')).toBe('react');
  });
  it('gives the same result for composed and decomposed input', () => {
    expect(normalizeText('e\u0301')).toBe(normalizeText('\u00e9'));
  });
});

describe('tokenize', () => {
  it('splits Latin words on punctuation and spaces', () => {
    expect(tokenize('Use React.js hooks, (useState)!')).toEqual(['use', 'react', 'js', 'hooks', 'usestate']);
  });
  it('keeps Cyrillic and Arabic words whole', () => {
    expect(tokenize('Привет, мир')).toEqual(['привет', 'мир']);
    expect(tokenize('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
  });
  it('segments Chinese and Japanese into words, not one run', () => {
    const zh = tokenize('我喜欢学习编程');
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.join('')).toBe('我喜欢学习编程');
    const ja = tokenize('東京都に住んでいます');
    expect(ja).toContain('東京');
  });
  it('mixes scripts in one text', () => {
    expect(tokenize('React 入门 tutorial')).toEqual(expect.arrayContaining(['react', 'tutorial']));
  });
  it('returns nothing for punctuation only', () => {
    expect(tokenize('  ...  --- !!')).toEqual([]);
  });
});
