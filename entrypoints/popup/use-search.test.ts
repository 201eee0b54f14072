import Fuse, { type FuseResultMatch } from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/search-corpus';
import { corpusNote } from '../../bench/search-notes';
import type { Note } from '@/lib/model';
import { marks } from './use-search';

/** The marks of one note alone: what the popup computed with one Fuse per note before. */
function marksOfOne(note: Note, words: string) {
  const [r] = new Fuse([note], {
    keys: ['quote', 'takeaway', 'page.title'],
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.4,
    minMatchCharLength: 2,
  }).search(words);
  const out: Record<string, (readonly [number, number])[]> = {};
  for (const m of (r?.matches ?? []) as FuseResultMatch[])
    if (m.key) out[m.key] = m.indices.filter(([s, e]) => e - s >= 1);
  return out;
}

describe('popup highlight marks', () => {
  const notes = generateCorpus(200).docs.map(corpusNote);

  it('marks each note of a list as one Fuse per note would', () => {
    let marked = 0;
    for (const query of [
      'react hooks',
      'postgres',
      'deploy rollbak',
      'cache tag:frontend',
      '"exact phrase" -skip index',
    ]) {
      for (let at = 0; at < notes.length; at += 20) {
        const list = notes.slice(at, at + 20);
        const words = query.replace(/\b\w+:\S+|"|-\S+/g, ' ').trim();
        const got = marks(Fuse, list, query);
        expect(got).toEqual(list.map((n) => marksOfOne(n, words)));
        marked += got.filter((m) => Object.keys(m).length > 0).length;
      }
    }
    expect(marked).toBeGreaterThan(50); // the comparison covered real marks, not only empty ones
  });

  it('marks nothing for a query of filters only', () => {
    expect(marks(Fuse, notes.slice(0, 3), 'tag:react kind:question')).toEqual([{}, {}, {}]);
  });
});
