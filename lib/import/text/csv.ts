/**
 * RFC 4180 CSV → rows of fields: quoted fields may hold commas, line breaks and `""` for one quotation mark;
 * CRLF or LF line ends. Returns the rows, or the 1-based line where a quoted field never closes.
 */
export function parseCsv(text: string): { rows: string[][] } | { unclosedAtLine: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let isQuoted = false;
  let quoteLine = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') isQuoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      isQuoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
    i++;
  }
  if (isQuoted) return { unclosedAtLine: quoteLine };
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { rows: rows.filter((r) => r.length > 1 || r[0] !== '') };
}
