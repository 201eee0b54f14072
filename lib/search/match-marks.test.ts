import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/search-corpus';
import { corpusNote } from '../../bench/search-notes';
import { makeNote } from '../testing/make-note';
import { MARK_OPTIONS, markedWords, marksOf, matchMarks } from './match-marks';

/** The marks as the popup computed them before: a Fuse.js search over each note alone. */
function marksAlone(note: object, query: string) {
  const words = markedWords(query);
  if (!words) return {};
  const [r] = new Fuse([note], MARK_OPTIONS).search(words);
  return marksOf(r?.matches);
}

describe('matchMarks', () => {
  it('marks the words typed, a typo included, and nothing for filters or exclusions', () => {
    const note = makeNote({ quote: 'Colocate state with the component', takeaway: 'Keep hooks near' });
    const [marks] = matchMarks(Fuse, [note], 'hooks');
    expect(marks?.takeaway?.map(([s, e]) => note.takeaway.slice(s, e + 1))).toContain('hooks');
    const [typo] = matchMarks(Fuse, [note], 'colocte');
    expect(typo?.quote?.length).toBeGreaterThan(0);
    expect(matchMarks(Fuse, [note], 'tag:react -hooks')).toEqual([{}]);
  });

  it('marks each note of a list exactly as a search over that note alone (600 lists of 20 corpus notes)', () => {
    const notes = generateCorpus(1000).docs.map(corpusNote);
    const queries = ['react hooks', 'postgres index', 'kubernets', 're', 'deploy -rollback', '"onboarding buddy"'];
    let marked = 0;
    for (const q of queries)
      for (let at = 0; at < notes.length; at += 20) {
        const list = notes.slice(at, at + 20);
        const marks = matchMarks(Fuse, list, q);
        expect(marks).toEqual(list.map((n) => marksAlone(n, q)));
        marked += marks.filter((m) => Object.keys(m).length > 0).length;
      }
    expect(marked).toBeGreaterThan(100);
  });
});
