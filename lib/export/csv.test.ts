import { describe, expect, it } from 'vitest';
import { csvField, notesToCsv, toCsv } from './csv';
import { goldenNotes } from '../testing/export/golden-notes';

/** A small RFC 4180 reader, only to prove what the writer wrote reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV (RFC 4180)', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('never lets a cell become a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1', false)).toBe('-1');
  });

  it('reads back exactly what it wrote, with CRLF records', () => {
    const rows = [
      ['a', 'b,c'],
      ['"q"', 'x\r\ny'],
      ['', 'é ü 漢字'],
    ];
    const text = toCsv(['h1', 'h2'], rows, false);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['h1', 'h2'], ...rows]);
  });

  it('exports one row per note with the quote and takeaway intact', () => {
    const { notes } = goldenNotes();
    const parsed = parseCsv(notesToCsv(notes));
    expect(parsed).toHaveLength(notes.length + 1);
    expect(parsed[2]![6]).toBe(notes[1]!.quote);
    expect(parsed[2]![8]).toBe('reliability; typescript');
    expect(parsed[3]![7]).toBe("'- not a list\n*not emphasis*");
  });
});
