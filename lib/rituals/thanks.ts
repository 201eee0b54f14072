import type { Note, Person } from '../model';
import type { DigestEvent, DigestThank } from '../digest/types';
import { isAnnounceable, personOf } from './harvest';

/** The event a "Save anyway"-avoided duplicate leaves (lib/similarity's DUPLICATE_AVOIDED; pure lib can't import it). */
const DUPLICATE_AVOIDED = 'duplicate-avoided';

export interface ReuseCredit {
  person: Person;
  /** Times others reused this person's notes in the window: chose it over a new harvest, added a "me too", thanked. */
  reuses: number;
  /** Their most reused note in the window, the one the shout-out links to. */
  note: Note;
  notes: number;
}

/**
 * People to thank, by reuse and never by volume: a member who harvested fifty notes nobody used is not thanked,
 * one whose single note spared three people the search is. Reuse counted between `since` and `until` is what
 * others did with a note (whenever it was written): an avoided duplicate, a "me too" from someone else, a thank
 * from someone else.
 */
export function creditsByReuse(
  notes: readonly Note[],
  events: readonly DigestEvent[],
  thanks: readonly DigestThank[],
  since: number,
  until: number,
  limit = 5,
): ReuseCredit[] {
  const byId = new Map<string, Note>();
  // A question others asked too is a shared need, not know-how that saved anyone time: it earns no thanks.
  for (const n of notes) if (isAnnounceable(n) && n.author && n.kind !== 'question') byId.set(n.id, n);
  const perNote = new Map<string, number>();
  const bump = (id: string | undefined) => {
    if (id !== undefined && byId.has(id)) perNote.set(id, (perNote.get(id) ?? 0) + 1);
  };
  const inWindow = (t: number) => t >= since && t <= until;
  for (const e of events) if (e.type === DUPLICATE_AVOIDED && inWindow(e.at)) bump(e.noteId);
  for (const t of thanks) {
    const n = byId.get(t.noteId);
    if (n && inWindow(t.createdAt) && t.memberId !== personOf(n).id) bump(t.noteId);
  }
  const meToo = new Set<string>();
  for (const n of notes) {
    const target = n.links?.addsTo ? byId.get(n.links.addsTo) : undefined;
    if (!target || n.deletedAt !== undefined || !inWindow(n.createdAt)) continue;
    const key = `${target.id}\u0000${personOf(n).id}`;
    if (personOf(n).id === personOf(target).id || meToo.has(key)) continue;
    meToo.add(key);
    bump(target.id);
  }
  const perPerson = new Map<string, ReuseCredit>();
  for (const [id, reuses] of perNote) {
    const note = byId.get(id)!;
    const person = personOf(note);
    const c = perPerson.get(person.id);
    if (!c) perPerson.set(person.id, { person, reuses, note, notes: 1 });
    else {
      const best = perNote.get(c.note.id)!;
      if (reuses > best || (reuses === best && id < c.note.id)) c.note = note;
      c.reuses += reuses;
      c.notes++;
    }
  }
  return [...perPerson.values()]
    .sort((a, b) => b.reuses - a.reuses || (a.person.id < b.person.id ? -1 : 1))
    .slice(0, limit);
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "three people", "one person", "15 people": as a person would say it. */
export function peopleCount(n: number): string {
  return `${WORDS[n] ?? String(n)} ${n === 1 ? 'person' : 'people'}`;
}
