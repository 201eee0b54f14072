import { describe, expect, it } from 'vitest';
import type { Selector } from '../model/selectors';
import { locate } from './locate';

const FILLER =
  'Gardens need patience. Water early, before the heat. Mulch keeps the soil cool and the weeds down. ' +
  'Tomatoes like sun; lettuce does not mind some shade. Compost returns what the harvest took away. ';

/** Selectors as describeRange would store them for text[start, end). */
function selectorsFor(text: string, start: number, end: number): Selector[] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

describe('locate', () => {
  const text = `${FILLER}The quick brown fox jumps over the lazy dog. ${FILLER}`;
  const start = text.indexOf('quick brown fox');
  const end = start + 'quick brown fox jumps'.length;
  const stored = selectorsFor(text, start, end);

  it('TextPositionSelector: takes the stored place when the quote is still there', () => {
    expect(locate(stored, text)).toEqual({ start, end, method: 'position' });
  });

  it('TextPositionSelector alone: trusted only while inside the text', () => {
    expect(locate([{ type: 'TextPositionSelector', start: 3, end: 9 }], text)).toMatchObject({ start: 3, end: 9 });
    expect(locate([{ type: 'TextPositionSelector', start: 3, end: 1e6 }], text)).toBeNull();
  });

  it('TextQuoteSelector: finds the quote after the page grew above it', () => {
    const moved = `An added introduction paragraph. ${text}`;
    expect(locate(stored, moved)).toEqual({ start: start + 33, end: end + 33, method: 'quote' });
  });

  it('TextQuoteSelector: tells repeated quotes apart by their prefix and suffix', () => {
    const page = `Water early, before the heat. Mulch helps. ${FILLER}${FILLER}${FILLER}Sun first. Water early, before the wind. Done.`;
    const second = page.lastIndexOf('Water early, before the');
    const sel = selectorsFor(page, second, second + 'Water early, before the'.length);
    const withoutPosition = sel.filter((s) => s.type === 'TextQuoteSelector');
    expect(locate(withoutPosition, page)?.start).toBe(second);
  });

  it('fuzzy: finds the quote after a typo fix, between its own context', () => {
    const edited = text.replace('quick brown fox jumps', 'quick brown fax jumps');
    expect(locate(stored, edited)).toEqual({ start, end, method: 'fuzzy' });
  });

  it('fuzzy: still finds it when elements pushed the context away', () => {
    const edited = text.replace('The quick brown fox jumps', 'The [Advertisement] quick brown fax jumps (ad)');
    const found = locate(stored, edited);
    expect(edited.slice(found!.start, found!.end)).toBe('quick brown fax jumps');
  });

  it('orphans a lookalike elsewhere when the original is gone', () => {
    const gone = text.replace('The quick brown fox jumps over the lazy dog. ', '');
    const trap = `${gone}Elsewhere: a quick brown fax jumps over a log. ${FILLER}`;
    expect(locate(stored, trap)).toBeNull();
  });

  it('orphans a short quote found verbatim only out of context', () => {
    const sel = selectorsFor(text, text.indexOf('brown'), text.indexOf('brown') + 5);
    const other = `${FILLER}A brown hen. ${FILLER}`;
    expect(locate(sel, other)).toBeNull();
  });

  it('accepts a long quote found verbatim exactly once, even out of context', () => {
    const quote = 'Compost returns what the harvest took away.';
    const sel = selectorsFor(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
    const page = `Something new entirely. ${quote} And a new ending too.`;
    expect(locate(sel, page)).toMatchObject({ start: 24, method: 'quote' });
  });

  it('refuses a changed quote with too many edits', () => {
    const edited = text.replace('quick brown fox jumps', 'slow red cat walks');
    expect(locate(stored, edited)).toBeNull();
  });

  it('normalises the stored quote whitespace before matching', () => {
    const sel: Selector[] = [
      { type: 'TextQuoteSelector', exact: '  quick\n  brown   fox ', prefix: 'The ', suffix: ' jumps' },
    ];
    expect(locate(sel, text)).toMatchObject({ start, end: start + 'quick brown fox'.length });
  });
});

describe('locate bounds', () => {
  it('matches a very long quote exactly but does not search for it approximately', () => {
    const long = 'word '.repeat(600).trim();
    const page = `Intro. ${long} Outro.`;
    const sel: Selector[] = [{ type: 'TextQuoteSelector', exact: long, prefix: 'Intro. ', suffix: ' Outro.' }];
    expect(locate(sel, page)).toMatchObject({ start: 7, method: 'quote' });
    expect(locate(sel, page.replace('word word', 'ward word'))).toBeNull();
  });
});
