import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';
import { kindleTime } from './kindle';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/import');
const load = (name: string) => {
  const r = importFile(readFileSync(join(FIXTURES, name), 'utf8'), { filename: name, now: () => 1_800_000_000_000 });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('Kindle My Clippings.txt', () => {
  const r = load('kindle-clippings.txt');

  it('accounts for all 8 clippings: 4 notes, 1 merged, bookmark and empty highlight skipped, note attached', () => {
    expect(r).toMatchObject({ format: 'kindle', duplicates: 1 });
    expect(r.notes).toHaveLength(4);
    expect(r.skipped).toEqual([
      { where: 'line 6', reason: 'a bookmark holds no text' },
      { where: 'line 37', reason: 'empty highlight' },
    ]);
  });

  it('keeps book title and author, the location, the time, and a Kindle note as the takeaway', () => {
    const [first, withNote, again, twoLines] = r.notes;
    expect(first).toMatchObject({
      quote: 'Work',
      page: {
        title: 'A Field Guide to Queues',
        byline: 'Writer, Jo',
        url: 'https://openlibrary.org/search?title=A+Field+Guide+to+Queues&author=Writer%2C+Jo',
      },
      origin: { tool: 'kindle', location: 'page 3 | Location 145-146' },
      createdAt: Date.UTC(2017, 6, 31, 23, 11, 20),
    });
    expect(withNote).toMatchObject({
      quote: 'A queue is a promise that work will wait; keep the promise small.',
      takeaway: 'Quote this in the capacity review.',
    });
    // the same sentence at another location is another highlight
    expect(again).toMatchObject({ quote: withNote!.quote, origin: { location: 'page 40 | Location 2001-2001' } });
    expect(twoLines!.quote).toBe('Tools shape the questions\nwe think to ask.');
    for (const n of r.notes) expect(n.selectors).toEqual([{ type: 'TextQuoteSelector', exact: n.quote }]);
  });

  it('reads the Chinese-language file: bookmark skipped, note attached, afternoon times', () => {
    const zh = load('kindle-clippings-zh.txt');
    expect(zh.skipped).toEqual([{ where: 'line 1', reason: 'a bookmark holds no text' }]);
    expect(zh.notes).toHaveLength(1);
    expect(zh.notes[0]).toMatchObject({
      quote: '我们自己写的一句话，用来测试导入。',
      takeaway: '同意',
      page: { title: '示例之书', byline: '示例作者' },
      origin: { location: '位置 #465-466' },
      createdAt: Date.UTC(2013, 11, 24, 9, 10, 24),
    });
    expect(kindleTime('添加于2013年12月24日星期二 下午09:11:28')).toBe(Date.UTC(2013, 11, 24, 21, 11, 28));
  });
});
