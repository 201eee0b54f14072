import { describe, expect, it } from 'vitest';
import { addNotes, moveNote, newCollection, notesInOrder, removeNotes, type Collection } from './collection';

const make = (): Collection => {
  const r = newCollection('c1', 'Onboarding', 10);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('collections', () => {
  it('refuses a blank or oversized name', () => {
    expect(newCollection('c', '   ', 1).ok).toBe(false);
    expect(newCollection('c', 'x'.repeat(201), 1).ok).toBe(false);
  });

  it('keeps a note once, in hand order, and moves it', () => {
    let c = addNotes(make(), ['a', 'b', 'a', 'c'], 20);
    expect(c.noteIds).toEqual(['a', 'b', 'c']);
    c = addNotes(c, ['b', 'd'], 21, 0);
    expect(c.noteIds).toEqual(['d', 'a', 'b', 'c']);
    c = moveNote(c, 'd', 99, 22);
    expect(c.noteIds).toEqual(['a', 'b', 'c', 'd']);
    c = moveNote(c, 'c', 0, 23);
    expect(c.noteIds).toEqual(['c', 'a', 'b', 'd']);
    c = removeNotes(c, ['a', 'zz'], 24);
    expect(c.noteIds).toEqual(['c', 'b', 'd']);
    expect(c.updatedAt).toBe(24);
  });

  it('updatedAt always moves forward, even with a clock behind', () => {
    const c = addNotes(make(), ['a'], 5);
    expect(c.updatedAt).toBe(11);
  });

  it('lists notes in collection order and skips missing ones', () => {
    const c = { noteIds: ['b', 'gone', 'a'] };
    expect(notesInOrder(c, [{ id: 'a' }, { id: 'b' }]).map((n) => n.id)).toEqual(['b', 'a']);
  });
});
