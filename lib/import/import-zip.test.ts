import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { importZip } from './import-zip';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** The layout of Readwise's Markdown export zip: one folder per category, one file per document. */
const readwiseZip = () =>
  zipSync({
    'Readwise/Articles/Writing Runbooks People Use.md': bytes('readwise-obsidian.md'),
    'Readwise/Books/Notes on Team Habits.md': bytes('readwise-obsidian-book.md'),
    'Readwise/Podcasts/No Source.md': bytes('no-source.md'),
    'Readwise/Readwise Syncs.md': strToU8('# Readwise Syncs\n\nSynced 3 highlights from 2 documents.\n'),
    'Readwise/cover.png': new Uint8Array([137, 80, 78, 71]),
  });

describe('zip of Markdown files', () => {
  it('imports every file as if alone, and reports what it could not read by file name', () => {
    const r = importZip(readwiseZip(), { now: () => 1 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toMatchObject({ format: 'zip', duplicates: 1 });
    // files in name order: Articles/ before Books/
    expect(r.value.notes.map((n) => n.page.title)).toEqual([
      'Writing Runbooks People Use',
      'Writing Runbooks People Use',
      'Writing Runbooks People Use',
      'Writing Runbooks People Use',
      'Writing Runbooks People Use',
      'Notes on Team Habits',
      'Notes on Team Habits',
    ]);
    expect(r.value.skipped).toEqual([
      { where: 'Readwise/Podcasts/No Source.md line 3', reason: 'no source link (an http or https URL)' },
      { where: 'Readwise/Readwise Syncs.md', reason: expect.stringMatching(/^No highlights found/) },
      { where: 'Readwise/cover.png', reason: 'not a file this importer reads (Markdown, text, JSON or CSV)' },
    ]);
  });

  it('gives the same notes as importing each file alone', () => {
    const r = importZip(readwiseZip(), { now: () => 1 });
    const alone = ['readwise-obsidian.md', 'readwise-obsidian-book.md'].flatMap((f) => {
      const one = importFile(readFileSync(join(FIXTURES, f), 'utf8'), { filename: f, now: () => 1 });
      return one.ok ? one.value.notes : [];
    });
    const strip = <T extends { id: string }>(n: T) => ({ ...n, id: '' });
    expect(r.ok && r.value.notes.map(strip)).toEqual(alone.map(strip));
  });

  it('a damaged zip imports nothing, with a clear error', () => {
    const broken = readwiseZip().slice(0, 40);
    expect(importZip(broken)).toEqual({ ok: false, error: expect.stringMatching(/^Not a readable zip file/) });
    expect(importZip(zipSync({}))).toEqual({ ok: false, error: 'The zip file is empty. Nothing was imported.' });
  });
});

describe('zip file names', () => {
  it('reports a UTF-8 name written without the UTF-8 flag as the user knows it', () => {
    // "Café — notes.md" as UTF-8 bytes; fflate reads names without the flag as Latin-1
    const utf8 = new TextEncoder().encode('Café — notes.md');
    const latin1 = String.fromCharCode(...utf8);
    const r = importZip(zipSync({ [latin1]: strToU8('> a quote without any source\n') }));
    expect(r.ok && r.value.skipped).toEqual([
      { where: 'Café — notes.md line 1', reason: 'no source link (an http or https URL)' },
    ]);
  });
});
