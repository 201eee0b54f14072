import Papa from 'papaparse';

/**
 * RFC 4180 CSV → rows of fields, parsed by Papa Parse: quoted fields may hold commas, line breaks and `""` for
 * one quotation mark; CRLF, LF or CR line ends, mixed in one file too; a leading byte-order mark is dropped;
 * blank lines are skipped and rows keep their own length (ragged rows are the caller's to judge). Returns the
 * rows, or the 1-based line where a quoted field never closes.
 */
export function parseCsv(text: string): { rows: string[][] } | { unclosedAtLine: number } {
  const input = unifyLineEnds(text.replace(/^\uFEFF/, ''));
  const { data, errors } = Papa.parse<string[]>(input, { delimiter: ',', newline: '\n', skipEmptyLines: true });
  const unclosed = errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) return { unclosedAtLine: lineAt(input, unclosed.index ?? 0) };
  return { rows: data };
}

/**
 * Row ends outside quoted fields become LF; line breaks inside quoted fields stay as written. Papa Parse reads one
 * line ending per file, guessed from its start: a file that mixed CRLF and LF rows (a hand-edited export) had rows
 * merged or a stray CR kept. A quoted field is one that starts with a quotation mark (RFC 4180); a stray mark
 * inside an unquoted field is text.
 */
function unifyLineEnds(text: string): string {
  return text.replace(/(?<=^|[,\r\n])"[^"]*(?:""[^"]*)*"?|\r\n?|\n/g, (m) => (m.startsWith('"') ? m : '\n'));
}

/** The 1-based line of a character offset, counting CRLF, LF and CR as one line end each. */
function lineAt(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}
