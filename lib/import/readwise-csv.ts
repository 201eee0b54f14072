import { err, ok, type Note, type Result } from '../model';
import { bookUrl } from './book-url';
import { buildNote, parseTime } from './build-note';
import type { ImportOptions, ImportReport, Skipped } from './import-report';
import { parseCsv } from './text/csv';

/** The columns Readwise's "Export to CSV" writes (Document tags came later; older files lack it). */
const REQUIRED = ['Highlight', 'Book Title', 'Book Author', 'Note', 'Tags', 'Location'] as const;

/** True when the first line is Readwise's CSV header. */
export function isReadwiseCsv(text: string): boolean {
  return /^\uFEFF?Highlight,Book Title,Book Author,/.test(text);
}

const splitTags = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((t) => t.replace(/^[.#]+/, ''))
    .filter(Boolean);

/**
 * Readwise's CSV export → notes, one per row. The file has no URL column: rows of a book with an Amazon id point
 * at the book, others at the book's catalogue search (see bookUrl). Empty highlights are reported as skipped.
 */
export function importReadwiseCsv(text: string, opts: ImportOptions): Result<Omit<ImportReport, 'duplicates'>> {
  const parsed = parseCsv(text.replace(/^\uFEFF/, ''));
  if ('unclosedAtLine' in parsed)
    return err(
      `Not valid CSV: a quoted field opened on line ${parsed.unclosedAtLine} never closes. Nothing was imported.`,
    );
  const [header, ...rows] = parsed.rows;
  const col = new Map(header!.map((h, i) => [h.trim(), i]));
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length) return err(`Readwise CSV without the ${missing.join(', ')} column(s). Nothing was imported.`);
  const get = (row: string[], name: string) => row[col.get(name) ?? -1]?.trim() ?? '';
  const notes: Note[] = [];
  const skipped: Skipped[] = [];
  rows.forEach((row, i) => {
    const where = `row ${i + 2}`;
    const quote = get(row, 'Highlight');
    const title = get(row, 'Book Title');
    if (!quote) return skipped.push({ where, reason: 'empty highlight' });
    if (!title) return skipped.push({ where, reason: 'no book or document title' });
    const author = get(row, 'Book Author');
    const type = get(row, 'Location Type');
    const location = get(row, 'Location');
    const built = buildNote(
      {
        url: bookUrl(title, author, get(row, 'Amazon Book ID')),
        title,
        byline: author,
        quote,
        takeaway: get(row, 'Note'),
        tags: [...splitTags(get(row, 'Tags')), ...splitTags(get(row, 'Document tags'))],
        createdAt: parseTime(get(row, 'Highlighted at').replace(' ', 'T')),
        origin: {
          tool: 'readwise',
          ...(location ? { location: `${type || 'location'} ${location}`.slice(0, 200) } : {}),
        },
      },
      opts,
    );
    if (built.ok) notes.push(built.value);
    else skipped.push({ where, reason: built.error });
  });
  return ok({ format: 'readwise-csv', notes, collections: [], skipped });
}
