import type { Note } from '../model';

/** Spreadsheet apps run cells starting with these as formulas: a shared note must never become one. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string, guardFormulas = true): string {
  const v = guardFormulas && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 text: CRLF between records, header first. */
export function toCsv(header: string[], rows: string[][], guardFormulas = true): string {
  return [header, ...rows].map((r) => r.map((f) => csvField(f, guardFormulas)).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = [
  'id',
  'kind',
  'created',
  'updated',
  'url',
  'title',
  'quote',
  'takeaway',
  'tags',
  'author',
  'contributors',
  'community',
];

/** Notes as CSV for spreadsheets: one row per note, tags `;`-separated, times in ISO 8601 UTC. */
export function notesToCsv(notes: Note[]): string {
  return toCsv(
    CSV_COLUMNS,
    notes.map((n) => [
      n.id,
      n.kind,
      new Date(n.createdAt).toISOString(),
      new Date(n.updatedAt).toISOString(),
      n.page.url,
      n.page.title,
      n.quote,
      n.takeaway,
      n.tags.join('; '),
      n.author?.name ?? '',
      (n.contributors ?? []).map((p) => p.name).join('; '),
      n.communityId ?? '',
    ]),
  );
}
