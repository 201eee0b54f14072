// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import addFormats from 'ajv-formats';
import Ajv from 'ajv';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import type { Note, RangeSelector } from '../model';
import { makeNote } from '../testing/make-note';
import { toWebAnnotation } from './json-export';
import { pageIri, w3cRange, w3cTarget, type W3cSelector } from './w3c-target';

const BASELINE = resolve(process.cwd(), 'tests/fixtures/export/hypothesis-baseline');
const read = (name: string) => readFileSync(join(BASELINE, name), 'utf8');

type Row = { target: { selector: ({ type: string } & Record<string, unknown>)[] }[] };
const selectorsOf = (row: Row) => row.target[0]!.selector;
const quoteOf = (row: Row) => selectorsOf(row).find((s) => s.type === 'TextQuoteSelector')!.exact as string;

/**
 * Reads a W3C RangeSelector the way a reader of the standard would: each end an XPathSelector evaluated
 * from the document, refined by a TextPositionSelector counted in that element's text.
 */
function textOfW3cRange(doc: Document, range: W3cSelector): string {
  if (range.type !== 'RangeSelector') throw new Error('not a RangeSelector');
  const point = (s: W3cSelector) => {
    if (s.type !== 'XPathSelector' || s.refinedBy?.type !== 'TextPositionSelector') throw new Error('bad point');
    const el = doc.evaluate(s.value, doc, null, 9, null).singleNodeValue;
    if (!el) throw new Error(`XPath ${s.value} selects nothing`);
    const walker = doc.createTreeWalker(el, 4);
    let offset = s.refinedBy.start;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const len = t.nodeValue!.length;
      if (offset <= len) return { node: t, offset };
      offset -= len;
    }
    throw new Error('offset past the end of the element');
  };
  const start = point(range.startSelector);
  const end = point(range.endSelector);
  const r = doc.createRange();
  r.setStart(start.node, start.offset);
  r.setEnd(end.node, end.offset);
  return r.toString();
}

describe('Hypothesis RangeSelectors in W3C shape, on the pages they were made on', () => {
  it.each(['minimal', 'wikipedia-regression-testing'])('%s: every range selects its quote', (name) => {
    const { document } = new JSDOM(read(`${name}.html`)).window;
    const rows: Row[] = JSON.parse(read(`${name}.json`)).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const stored = selectorsOf(row).find((s) => s.type === 'RangeSelector') as unknown as RangeSelector;
      const [range] = w3cRange(stored);
      expect(range).toMatchObject({ startSelector: { type: 'XPathSelector' }, endSelector: { type: 'XPathSelector' } });
      expect(range).not.toHaveProperty('startContainer');
      expect(textOfW3cRange(document, range!)).toBe(quoteOf(row));
    }
  });

  it('through the whole path: imported rows exported as annotations whose RangeSelector selects the quote', () => {
    const { document } = new JSDOM(read('wikipedia-regression-testing.html')).window;
    const file = read('wikipedia-regression-testing.json');
    const r = importFile(file, { filename: 'rows.json' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.notes).toHaveLength(JSON.parse(file).rows.length);
    for (const note of r.value.notes) {
      const target = toWebAnnotation(note).target;
      if (typeof target !== 'object' || Array.isArray(target)) throw new Error('expected a SpecificResource');
      const range = target.selector.find((s) => s.type === 'RangeSelector')!;
      expect(textOfW3cRange(document, range)).toBe(note.quote);
    }
  });
});

describe('w3cTarget', () => {
  const url = 'https://docs.example/a b/Ü?q="x"';
  it('a note with no quote and no selector targets the page IRI, escaped as an IRI must be', () => {
    expect(w3cTarget(makeNote({ quote: '', page: { url, canonicalUrl: url, title: 't' } }))).toBe(
      'https://docs.example/a%20b/%C3%9C?q=%22x%22',
    );
  });

  it('derives a TextQuoteSelector from the quote when the note stored none, and keeps a stored one', () => {
    const derived = w3cTarget(makeNote({ quote: 'Keep it', selectors: [] }));
    expect(derived).toMatchObject({ selector: [{ type: 'TextQuoteSelector', exact: 'Keep it' }] });
    const stored = { type: 'TextQuoteSelector' as const, exact: 'Keep it', prefix: 'p', suffix: 's' };
    expect(w3cTarget(makeNote({ quote: 'Keep it', selectors: [stored] }))).toMatchObject({ selector: [stored] });
  });

  it('drops a RangeSelector whose paths are not simple element steps, keeping the other selectors', () => {
    const odd: RangeSelector = {
      type: 'RangeSelector',
      startContainer: "//p[@id='x']",
      startOffset: 0,
      endContainer: '/p[1]',
      endOffset: 2,
    };
    const target = w3cTarget(
      makeNote({ quote: 'ab', selectors: [odd, { type: 'TextPositionSelector', start: 3, end: 5 }] }),
    );
    expect(target).toMatchObject({
      selector: [
        { type: 'TextQuoteSelector', exact: 'ab' },
        { type: 'TextPositionSelector', start: 3, end: 5 },
      ],
    });
    expect(w3cRange({ ...odd, startContainer: '/div[1]/p[2]' })).toHaveLength(1);
  });

  it('any web URL the model accepts becomes a valid IRI of the same host and path', () => {
    const ajv = new Ajv();
    addFormats(ajv);
    const isUri = ajv.compile({ type: 'string', format: 'uri' });
    const hostile = [
      'https://a.example/{x}|y^[1]`',
      'https://u:p@a.example/p q<>',
      'https://a.example/%zz',
      'https://Ü.example/ü',
    ];
    const check = (url: string) => {
      const iri = pageIri(url);
      expect(isUri(iri), `${url} -> ${iri}`).toBe(true);
      expect(new URL(iri).host).toBe(new URL(url).host);
      const bytes = (s: string) =>
        s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      expect(bytes(new URL(iri).pathname)).toBe(bytes(new URL(url).pathname));
    };
    hostile.forEach(check);
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => check(url)),
      { numRuns: 300 },
    );
  });

  it('passes through a FragmentSelector or CssSelector in W3C shape, should the model store one', () => {
    const fragment = { type: 'FragmentSelector', value: 'section-2', conformsTo: 'http://tools.ietf.org/rfc/rfc3986' };
    const broken = { type: 'CssSelector' };
    const note = makeNote({ quote: '', selectors: [fragment, broken] as unknown as Note['selectors'] });
    expect(w3cTarget(note)).toMatchObject({ selector: [fragment] });
  });

  it('records when the selectors were true of the page', () => {
    const note = makeNote({ quote: 'x', createdAt: Date.UTC(2026, 0, 2, 3, 4, 5) });
    expect(w3cTarget(note)).toMatchObject({ state: { type: 'TimeState', sourceDate: '2026-01-02T03:04:05.000Z' } });
  });
});
