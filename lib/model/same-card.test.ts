import { describe, expect, it } from 'vitest';
import { makeNote } from '@/lib/testing/make-note';
import { isSameCardNote, isSameRanges } from './same-card';

/** What each keystroke gets from IndexedDB: the same row, a new object. */
const reread = <T>(x: T): T => structuredClone(x);

describe('isSameCardNote (a card renders again only when what it draws changed)', () => {
  it('holds a fresh read of an unchanged note the same card', () => {
    const note = makeNote({ tags: ['react'], takeaway: 'Keep it small' });
    expect(isSameCardNote(note, reread(note))).toBe(true);
  });

  it('sees every change the card draws, even one without a new updatedAt', () => {
    const note = makeNote({ tags: ['react'], takeaway: 'Keep it small', communityId: 'c1' });
    const changes = [
      { quote: note.quote + ' more' },
      { takeaway: 'Something else' },
      { kind: note.kind === 'insight' ? 'question' : 'insight' },
      { tags: ['react', 'hooks'] },
      { page: { ...note.page, title: 'Other', siteName: 'elsewhere.example' } },
      { communityId: 'c2' },
      { author: { id: 'm2', name: 'Ada' } },
      { sync: { isRejected: true, rejectReason: 'too long' } },
      { createdAt: note.createdAt - 400 * 86_400_000 },
    ] as const;
    for (const change of changes)
      expect(isSameCardNote(note, { ...reread(note), ...change } as typeof note), JSON.stringify(change)).toBe(false);
    expect(isSameCardNote(note, { ...reread(note), id: 'other' })).toBe(false);
  });
});

describe('isSameRanges', () => {
  it('compares marked ranges by value', () => {
    expect(isSameRanges(undefined, undefined)).toBe(true);
    expect(isSameRanges(undefined, [])).toBe(true);
    expect(isSameRanges([[0, 3]], [[0, 3]])).toBe(true);
    expect(isSameRanges([[0, 3]], [[0, 4]])).toBe(false);
    expect(isSameRanges([[0, 3]], undefined)).toBe(false);
    expect(
      isSameRanges(
        [
          [0, 3],
          [5, 6],
        ],
        [[0, 3]],
      ),
    ).toBe(false);
  });
});
