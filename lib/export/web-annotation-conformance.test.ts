// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import { exportCorpus } from '../testing/export/export-corpus';
import { importedFixtureNotes } from '../testing/export/imported-fixtures';
import { goldenNotes } from '../testing/export/golden-notes';
import { exportJson, toWebAnnotation } from './json-export';
import { pageIri } from './w3c-target';
import { WEB_ANNOTATION_SCHEMA } from './web-annotation-schema';

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
addFormats(ajv);
ajv.addSchema(WEB_ANNOTATION_SCHEMA);
const validator = (def: string) => ajv.getSchema(`${WEB_ANNOTATION_SCHEMA.$id}#/definitions/${def}`)!;
const validateFile = ajv.getSchema(WEB_ANNOTATION_SCHEMA.$id)!;
const validateAnnotation = validator('standaloneAnnotation');
const errorsOf = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

const imported = importedFixtureNotes();
const corpus = exportCorpus();
const NOW = Date.UTC(2026, 11, 4, 18);

describe('JSON export conforms to the W3C Web Annotation Data Model (our schema of its MUSTs)', () => {
  const cases = {
    'varied corpus': exportJson(corpus.notes, { collections: corpus.collections, now: NOW }),
    'golden notes': exportJson(goldenNotes().notes, { collections: [goldenNotes().collection], now: NOW }),
    'notes imported from other tools': exportJson(imported, { now: NOW }),
    'no notes at all': exportJson([], { now: NOW }),
    'the committed golden file (lib/export/golden/export.json)': readFileSync(
      join(__dirname, 'golden', 'export.json'),
      'utf8',
    ),
  };

  it.each(Object.entries(cases))('%s: the whole file is valid', (_name, text) => {
    const ok = validateFile(JSON.parse(text));
    expect(errorsOf(validateFile.errors)).toBe('');
    expect(ok).toBe(true);
  });

  it('every annotation is valid on its own, with the context a reader extracting it would add', () => {
    const notes = [...corpus.notes, ...imported];
    expect(imported.some((n) => n.selectors.some((s) => s.type === 'RangeSelector'))).toBe(true);
    expect(notes.some((n) => n.quote && n.selectors.length === 0)).toBe(true);
    const invalid = notes
      .map((n) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...toWebAnnotation(n) }))
      .filter((a) => !validateAnnotation(a))
      .map((a) => `${a.id}: ${errorsOf(validateAnnotation.errors)}`);
    expect(invalid).toEqual([]);
  });

  it('every note with a quote carries a TextQuoteSelector of that quote, whatever its origin', () => {
    for (const note of [...corpus.notes, ...imported].filter((n) => n.quote)) {
      const { target } = toWebAnnotation(note);
      const page = [target].flat()[0];
      expect(typeof page === 'object' && page.selector, note.id).toContainEqual(
        expect.objectContaining({ type: 'TextQuoteSelector', exact: expect.any(String) }),
      );
      const own = note.selectors.find((s) => s.type === 'TextQuoteSelector');
      const tqs = (typeof page === 'object' ? page.selector : []).find((s) => s.type === 'TextQuoteSelector');
      expect(tqs).toMatchObject({ exact: own?.type === 'TextQuoteSelector' ? own.exact : note.quote });
    }
  });
});

describe('the schema rejects what the standard forbids (so the checks above can fail)', () => {
  const good = () => JSON.parse(exportJson(corpus.notes, { collections: corpus.collections, now: NOW }));
  const annotationOf = (doc: ReturnType<typeof good>, noteId: string) =>
    doc.first.items.find((a: { id: string }) => a.id === `urn:uuid:${noteId}`);
  const broken: [string, (doc: ReturnType<typeof good>) => void][] = [
    ['a Hypothesis-shaped RangeSelector', (d) => (d.first.items[0].target.selector = [HYPOTHESIS_RANGE])],
    [
      'a RangeSelector with the Hypothesis fields beside the W3C ones',
      (d) =>
        (d.first.items[0].target.selector = [
          {
            ...HYPOTHESIS_RANGE,
            startSelector: { type: 'XPathSelector', value: '/p' },
            endSelector: { type: 'XPathSelector', value: '/p' },
          },
        ]),
    ],
    [
      'a target with neither selector nor state',
      (d) => {
        delete d.first.items[0].target.selector;
        delete d.first.items[0].target.state;
      },
    ],
    ['an empty body list', (d) => (d.first.items[0].body = [])],
    ['body and bodyValue together', (d) => (d.first.items[0].bodyValue = 'x')],
    ['an annotation without id', (d) => delete d.first.items[0].id],
    ['a relative annotation id', (d) => (d.first.items[0].id = 'note-1')],
    ['a collection without id', (d) => delete d.id],
    ['a page without id', (d) => delete d.first.id],
    ['an empty page', (d) => (d.first.items = [])],
    ['a page with its own @context while embedded', (d) => (d.first['@context'] = d['@context'])],
    ['a context without anno.jsonld', (d) => (d['@context'] = ['http://example.org/ctx', {}])],
    ['a single context inside an array', (d) => (d['@context'] = ['http://www.w3.org/ns/anno.jsonld'])],
    ['a created time not in UTC', (d) => (d.first.items[0].created = '2026-11-20T10:30:00+01:00')],
    ['an unknown motivation', (d) => (d.first.items[0].motivation = 'liking')],
    ['a TextQuoteSelector without exact', (d) => delete d.first.items[0].target.selector[0].exact],
    ['a negative TextPositionSelector', (d) => (d.first.items[0].target.selector[1].start = -1)],
    ['a TimeState with a start and no end', (d) => (d.first.items[0].target.state = TIME_STATE_HALF)],
    ['a TextualBody without value', (d) => delete d.first.items[0].body[0].value],
    ['a total above zero and no first page', (d) => delete d.first],
    ['a negative total', (d) => (d.total = -1)],
  ];
  it.each(broken)('rejects %s', (_what, breakIt) => {
    const doc = good();
    expect(validateFile(doc)).toBe(true);
    breakIt(doc);
    expect(validateFile(doc)).toBe(false);
  });

  it('rejects a RangeSelector whose start is not a selector', () => {
    const doc = good();
    const ranged = annotationOf(doc, corpus.notes[0]!.id);
    ranged.target.selector = [
      { type: 'RangeSelector', startSelector: '/p[1]', endSelector: { type: 'XPathSelector', value: '/p[2]' } },
    ];
    expect(validateFile(doc)).toBe(false);
  });
});

describe('our importer reads our export back losslessly', () => {
  it('every field of every note of the varied corpus and the imported notes, and the collections', () => {
    const notes = [...corpus.notes, ...imported];
    const r = importFile(exportJson(notes, { collections: corpus.collections, now: NOW }));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.notes).toEqual(notes);
    expect(r.value.collections).toEqual(corpus.collections);
    expect(r.value.skipped).toEqual([]);
  });

  it('a reader of the standard fields alone (our W3C importer, cp: terms removed) gets quote, takeaway, tags, page', () => {
    const doc = JSON.parse(exportJson(corpus.notes, { now: NOW }));
    const items = doc.first.items.map(({ 'cp:note': _note, ...standard }: Record<string, unknown>) => standard);
    const r = importFile(
      JSON.stringify({ '@context': doc['@context'], type: 'AnnotationCollection', first: { items } }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.value.format).toBe('web-annotation');
    const seen = r.value.notes.map((n) => [n.quote, n.takeaway, n.tags, n.page.url]);
    const want = corpus.notes.map((n) => [n.quote, n.takeaway, n.tags, pageIri(n.page.url)]);
    expect(seen).toEqual(want);
  });

  it('an export with no notes reads back as no notes (the standard gives it no page)', () => {
    const text = exportJson([], { now: NOW });
    expect(JSON.parse(text)).not.toHaveProperty('first');
    expect(importFile(text)).toMatchObject({ ok: true, value: { notes: [], collections: [] } });
  });
});

const HYPOTHESIS_RANGE = {
  type: 'RangeSelector',
  startContainer: '/div[1]/p[1]',
  startOffset: 0,
  endContainer: '/div[1]/p[1]',
  endOffset: 10,
};
const TIME_STATE_HALF = { type: 'TimeState', sourceDateStart: '2026-11-20T09:30:00Z' };
