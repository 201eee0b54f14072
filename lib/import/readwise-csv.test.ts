import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { parseCsv } from './text/csv';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/import');
const text = readFileSync(join(FIXTURES, 'readwise-export.csv'), 'utf8');

describe('Readwise CSV export', () => {
  const r = importFile(text, { filename: 'readwise-export.csv', now: () => 1_800_000_000_000 });
  if (!r.ok) throw new Error(r.error);

  it('one note per row; the empty highlight skipped with its row', () => {
    expect(r.value).toMatchObject({ format: 'readwise-csv', duplicates: 0 });
    expect(r.value.notes).toHaveLength(3);
    expect(r.value.skipped).toEqual([{ where: 'row 4', reason: 'empty highlight' }]);
  });

  it('keeps quote (quoted commas, line breaks, doubled quotes), note, tags, location, time and the book', () => {
    const [first, second, third] = r.value.notes;
    expect(first).toMatchObject({
      quote: 'Slow is smooth, and smooth is fast.',
      takeaway: 'Our on-call motto, said twice',
      tags: ['favorite', 'reliability'],
      page: { url: 'https://www.amazon.com/dp/B00EXAMPLE', title: 'A Field Guide to Queues', byline: 'Jo Writer' },
      origin: { tool: 'readwise', location: 'location 145' },
      createdAt: Date.parse('2024-05-01T10:00:00Z'),
    });
    expect(second).toMatchObject({
      quote: 'A quote that runs\nacross two lines, and says "this" twice',
      tags: ['work'],
    });
    expect(third!.page.url).toBe(
      'https://openlibrary.org/search?title=Writing+Runbooks+People+Use&author=ops.example.com',
    );
  });

  it('a quote that never closes imports nothing and names its line', () => {
    const header = text.split('\n')[0]!;
    expect(importFile(`${header}\nfine,Book,Author,,,,,,,,\n"never closed,Book,Author,,,,,,,,\n`)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Not valid CSV: a quoted field opened on line 3 never closes/),
    });
  });

  it('property: any table written the RFC 4180 way parses back to the same fields', () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const csv = rows.map((row) => row.map((f) => `"${f.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(csv)).toEqual({ rows });
      }),
      { numRuns: 200 },
    );
  });
});
