import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { importFile } from './import-file';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/import');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const load = (name: string, existing: Note[] = []) => {
  const r = importFile(read(name), { filename: name, existing, now: () => 1_800_000_000_000 });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('Hypothesis API rows ({rows}, as the search API returns them)', () => {
  const r = load('hypothesis-api-rows.json');
  const byQuote = (q: string) => r.notes.filter((n) => n.quote === q);

  it('accounts for every row: 6 imported, 1 reply to a missing annotation skipped with its reason', () => {
    expect(r).toMatchObject({ format: 'hypothesis', flavour: 'API search rows', duplicates: 0 });
    expect(r.notes).toHaveLength(6);
    expect(r.skipped).toEqual([{ where: 'annotation 7', reason: 'reply to an annotation that is not in this file' }]);
  });

  it('keeps three annotations of one sentence at three positions as three notes, each with its selectors', () => {
    const three = byQuote('a queue only moves the wait');
    expect(three).toHaveLength(3);
    expect(three.map((n) => n.selectors.find((s) => s.type === 'TextPositionSelector'))).toEqual([
      { type: 'TextPositionSelector', start: 1200, end: 1227 },
      { type: 'TextPositionSelector', start: 5400, end: 5427 },
      { type: 'TextPositionSelector', start: 9100, end: 9127 },
    ]);
    expect(three[0]!.selectors.map((s) => s.type)).toEqual([
      'FragmentSelector',
      'RangeSelector',
      'TextPositionSelector',
      'TextQuoteSelector',
    ]);
    expect(three[0]!.selectors[0]).toEqual({
      type: 'FragmentSelector',
      value: 's1',
      conformsTo: 'https://tools.ietf.org/html/rfc3236',
    });
  });

  it('keeps title, annotator, tags, times and the in-context link', () => {
    const [first, second] = byQuote('a queue only moves the wait');
    expect(first).toMatchObject({
      takeaway: 'first time the book says it',
      tags: ['queues'],
      page: { url: 'https://example.org/articles/queues', title: 'Queues, Explained Twice' },
      author: { id: 'acct:ada_l@hypothes.is', name: 'Ada L.' },
      createdAt: Date.parse('2017-12-07T14:34:41.949Z'),
      origin: {
        tool: 'hypothesis',
        id: 'aAaAaAaAEe-queue001',
        link: 'https://hyp.is/aAaAaAaAEe-queue001/example.org/articles/queues',
      },
    });
    // display_name null: the account name stands in
    expect(second!.author).toEqual({ id: 'acct:ada_l@hypothes.is', name: 'ada_l' });
  });

  it('imports page notes and tag-only annotations as page notes (no quote, no selectors)', () => {
    const pageNotes = r.notes.filter((n) => !n.quote && !n.links);
    expect(pageNotes.map((n) => [n.takeaway, n.tags, n.selectors])).toEqual([
      ['A page note: the whole article is worth a team read.', ['reading-list'], []],
      ['', ['to-share', 'queues'], []],
    ]);
  });

  it('links a reply to the note of the annotation it answers', () => {
    const reply = r.notes.find((n) => n.links?.addsTo)!;
    const parent = r.notes.find((n) => n.origin?.id === 'aAaAaAaAEe-queue003')!;
    expect(reply).toMatchObject({ takeaway: 'Agreed, and the summary says it best.', author: { name: 'Grace H.' } });
    expect(reply.links).toEqual({ addsTo: parent.id });
  });

  it('a second import of the same rows merges every note as a true duplicate', () => {
    const again = load('hypothesis-api-rows.json', r.notes);
    expect(again.notes).toEqual([]);
    expect(again.duplicates).toBe(6);
  });
});

describe('Hypothesis rows as a plain array and as JSON Lines', () => {
  it('reads a plain array of rows', () => {
    const r = load('hypothesis-api-rows-array.json');
    expect(r).toMatchObject({ flavour: 'annotation list', skipped: [], duplicates: 0 });
    expect(r.notes.map((n) => n.quote)).toEqual(Array(3).fill('a queue only moves the wait'));
  });

  it('reads JSON Lines, one row per line, as the same notes as the {rows} file', () => {
    const lines = load('hypothesis-api-rows.jsonl');
    expect(lines).toMatchObject({ format: 'hypothesis', flavour: 'JSON Lines', skipped: [] });
    const rows = load('hypothesis-api-rows.json');
    const strip = (n: Note) => ({ ...n, id: '', links: n.links && { addsTo: '' } });
    expect(lines.notes.map(strip)).toEqual(rows.notes.slice(0, 6).map(strip));
  });

  it('reads one annotation on its own (the API answer for a single annotation)', () => {
    const [row] = JSON.parse(read('hypothesis-api-rows.json')).rows;
    const r = importFile(JSON.stringify(row), { filename: 'annotation.json' });
    expect(r.ok && [r.value.flavour, r.value.notes.map((n) => n.origin?.id)]).toEqual([
      'one annotation',
      ['aAaAaAaAEe-queue001'],
    ]);
  });

  it('property: n annotations of one sentence at n distinct positions stay n notes, and merge on re-import', () => {
    const [base] = JSON.parse(read('hypothesis-api-rows.json')).rows;
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 12 }), (starts) => {
        const rows = starts.map((start, i) => ({
          ...base,
          id: `row-${i}`,
          target: [
            {
              source: base.target[0].source,
              selector: [
                { type: 'TextPositionSelector', start, end: start + 27 },
                { type: 'TextQuoteSelector', exact: 'a queue only moves the wait' },
              ],
            },
          ],
        }));
        const first = importFile(rows.map((r) => JSON.stringify(r)).join('\n'), { filename: 'rows.jsonl' });
        if (!first.ok) throw new Error(first.error);
        expect(first.value.notes).toHaveLength(starts.length);
        const again = importFile(JSON.stringify({ rows }), { existing: first.value.notes });
        expect(again.ok && [again.value.notes.length, again.value.duplicates]).toEqual([0, starts.length]);
      }),
      { numRuns: 60 },
    );
  });

  it('a JSON Lines file with one broken line imports nothing and names the line', () => {
    const text = read('hypothesis-api-rows.jsonl').replace(/\n(\{[^\n]*)\n/, '\n$1\n{"broken": \n');
    expect(importFile(text, { filename: 'rows.jsonl' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Not valid JSON Lines: line 3 is not JSON .*Nothing was imported\.$/),
    });
  });
});

describe('Hypothesis client export', () => {
  it('reads selectors, tags, page notes, replies linked to their parent', () => {
    const r = load('hypothesis-client-export.json');
    expect(r).toMatchObject({ format: 'hypothesis', flavour: 'client export' });
    const [hl, pageNote, reply] = r.notes;
    expect(hl!.selectors.map((s) => s.type)).toEqual(['RangeSelector', 'TextPositionSelector', 'TextQuoteSelector']);
    expect(hl!.quote).toMatch(/^Identify requests from clients uniquely/);
    expect(hl!.tags).toEqual(['distributed-systems', 'idempotency']);
    expect(hl!.author).toEqual({ id: 'acct:ada_l@hypothes.is', name: 'Ada Lovelace' });
    expect(hl!.createdAt).toBe(Date.parse('2026-10-30T09:12:44.118Z'));
    expect(pageNote).toMatchObject({ quote: '', takeaway: expect.stringMatching(/^Whole series/) });
    expect(reply).toMatchObject({ links: { addsTo: hl!.id }, author: { name: 'Grace Hopper' } });
    expect(r.skipped).toEqual([
      { where: 'annotation 4', reason: 'not a web page (urn: URL)' },
      { where: 'annotation 5', reason: 'reply to an annotation that is not in this file' },
    ]);
  });
});
