import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportJson } from '../export/json-export';
import { goldenNotes } from '../testing/export/golden-notes';
import { NoteSchema } from '../model';
import { importFile } from './import-file';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/import');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('our JSON: exact round trip', () => {
  it('property: any valid notes and collections come back exactly', () => {
    const raw = fc.record(
      {
        id: fc.uuid({ version: 7 }),
        kind: fc.constantFrom('insight', 'question', 'answer', 'snippet'),
        quote: fc.string({ unit: 'grapheme', maxLength: 80 }),
        takeaway: fc.string({ unit: 'binary', maxLength: 40 }),
        tags: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 4 }),
        createdAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
        title: fc.string({ maxLength: 30 }),
        path: fc.webPath(),
        author: fc.option(fc.record({ id: fc.string({ maxLength: 8 }), name: fc.string({ maxLength: 12 }) }), {
          nil: undefined,
        }),
      },
      { requiredKeys: ['id', 'kind', 'quote', 'takeaway', 'tags', 'createdAt', 'title', 'path'] },
    );
    const toNote = (r: typeof raw extends fc.Arbitrary<infer T> ? T : never) => {
      const url = `https://example.com${r.path}`;
      const parsed = NoteSchema.safeParse({
        schemaVersion: 1,
        id: r.id,
        kind: r.kind,
        quote: r.quote,
        takeaway: r.takeaway,
        tags: r.tags,
        selectors: r.quote ? [{ type: 'TextQuoteSelector', exact: r.quote }] : [],
        page: { url, canonicalUrl: url, title: r.title },
        pageKey: url,
        createdAt: r.createdAt,
        updatedAt: r.createdAt + 1,
        ...(r.author ? { author: r.author } : {}),
      });
      return parsed.success ? [parsed.data] : [];
    };
    let seen = 0;
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 8 }), (raws) => {
        const notes = raws.flatMap(toNote);
        seen += notes.length;
        const ids = new Set(notes.map((n) => n.id));
        const unique = notes.filter((n) => ids.delete(n.id));
        const collections = [{ id: 'c', name: 'C', noteIds: unique.map((n) => n.id), createdAt: 1, updatedAt: 2 }];
        const r = importFile(exportJson(unique, { collections, now: 5 }));
        if (!r.ok) throw new Error(r.error);
        expect(r.value.notes).toEqual(unique);
        expect(r.value.collections).toEqual(collections);
      }),
      { numRuns: 150 },
    );
    expect(seen).toBeGreaterThan(150); // the generator really makes valid notes
  });

  it('tags stay the same through a round trip, even ones typed with several #', () => {
    const parsed = NoteSchema.parse({ ...goldenNotes().notes[0]!, tags: ['## Deep Work', '#x', '##y'] });
    expect(parsed.tags).toEqual(['deep-work', 'x', 'y']);
    const r = importFile(exportJson([parsed]));
    expect(r.ok && r.value.notes).toEqual([parsed]);
  });

  it('keeps every field of rich notes (chat, contributors, rich html) and skips ones already present', () => {
    const { notes, collection } = goldenNotes();
    const file = exportJson(notes, { collections: [collection] });
    expect(JSON.parse(file).first.items[0]).toMatchObject({
      type: 'Annotation',
      target: { source: notes[0]!.page.url },
    });
    const again = importFile(file, { existing: notes.slice(0, 2) });
    if (!again.ok) throw new Error(again.error);
    expect(again.value.notes).toEqual(notes.slice(2));
    expect(again.value.duplicates).toBe(2);
  });

  it('a damaged note or a newer version imports nothing, with a clear error', () => {
    const { notes } = goldenNotes();
    const doc = JSON.parse(exportJson(notes));
    doc.first.items[2]['cp:note'].page.url = 'javascript:alert(1)';
    const damaged = importFile(JSON.stringify(doc));
    expect(damaged).toEqual({
      ok: false,
      error: expect.stringMatching(/^Note 3 is damaged \(page\.url: .*nothing was imported/),
    });
    doc['cp:version'] = 99;
    expect(importFile(JSON.stringify(doc))).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
  });
});

describe('malformed files import nothing, with a clear error', () => {
  it.each([
    ['malformed-truncated.json', /^Not valid JSON/],
    ['malformed-unknown.json', /^Unrecognised JSON/],
    ['empty-highlights.md', /^No highlights found/],
  ])('%s', (file, message) => {
    expect(importFile(read(file), { filename: file })).toEqual({ ok: false, error: expect.stringMatching(message) });
  });

  it('refuses an empty file', () => {
    expect(importFile('  \n')).toEqual({ ok: false, error: 'The file is empty.' });
  });
});
