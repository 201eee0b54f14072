import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

/**
 * The quirks of RFC 4180 files as spreadsheet programs and exporters write them. Each case states the rows a
 * reader must get; a parser that gets one wrong loses or merges what the user harvested.
 */
describe('parseCsv (RFC 4180 quirks)', () => {
  it('a quoted field keeps its line breaks (LF and CRLF) as written', () => {
    expect(parseCsv('a,b\n"one\ntwo",x\n"three\r\nfour",y\n')).toEqual({
      rows: [
        ['a', 'b'],
        ['one\ntwo', 'x'],
        ['three\r\nfour', 'y'],
      ],
    });
  });

  it('a doubled quotation mark is one mark, also at the edges of a field and in an otherwise empty one', () => {
    expect(parseCsv('"say ""hi""","""",""""""\n')).toEqual({ rows: [['say "hi"', '"', '""']] });
  });

  it('a leading byte-order mark is not part of the first header', () => {
    expect(parseCsv('\uFEFFHighlight,Book Title\nq,t\n')).toEqual({
      rows: [
        ['Highlight', 'Book Title'],
        ['q', 't'],
      ],
    });
  });

  it('CRLF, LF and lone CR row ends, and a file that mixes them, give the same rows', () => {
    const rows = [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ];
    for (const csv of [
      'a,b\r\n1,2\r\n3,4\r\n',
      'a,b\n1,2\n3,4\n',
      'a,b\r1,2\r3,4\r',
      'a,b\r\n1,2\n3,4\r\n',
      'a,b\n1,2\r\n3,4',
    ])
      expect(parseCsv(csv), JSON.stringify(csv)).toEqual({ rows });
  });

  it('a trailing line end, or none, or blank lines between rows, add no empty row', () => {
    const rows = [
      ['a', 'b'],
      ['1', '2'],
    ];
    expect(parseCsv('a,b\n1,2')).toEqual({ rows });
    expect(parseCsv('a,b\n1,2\n')).toEqual({ rows });
    expect(parseCsv('a,b\n\n1,2\r\n\r\n')).toEqual({ rows });
  });

  it('ragged rows keep their own length (the importer judges a short row, nothing is padded or dropped)', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4\n,\n')).toEqual({
      rows: [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4'], ['', '']],
    });
  });

  it('a quotation mark inside an unquoted field is text', () => {
    expect(parseCsv('5" floppy,x\r\ny,z\r\n')).toEqual({
      rows: [
        ['5" floppy', 'x'],
        ['y', 'z'],
      ],
    });
  });

  it('a quoted field that never closes gives the line it opened on, counting every kind of line end', () => {
    expect(parseCsv('h1,h2\r\n"two\nlines",x\r"never closed,y\nmore\n')).toEqual({ unclosedAtLine: 4 });
    expect(parseCsv('\uFEFF"open')).toEqual({ unclosedAtLine: 1 });
  });
});
