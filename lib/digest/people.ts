import type { Note } from '../model';
import { toCard } from './card';
import { authorOf } from './digest-index';
import type { DigestEvent, DigestThank, PersonToThank, ThankReceived } from './types';

/**
 * People whose harvests others thanked or opened since `since` (never the user), most appreciated first, with
 * the harvest a thank would go to; and thanks the user's own harvests received.
 */
export function peopleSection(
  byId: ReadonlyMap<string, Note>,
  thanks: readonly DigestThank[],
  events: readonly DigestEvent[],
  meIds: readonly string[],
  since: number,
  limit = 8,
): { toThank: PersonToThank[]; received: ThankReceived[] } {
  const me = new Set(meIds);
  const perNote = new Map<string, { thanks: number; opens: number }>();
  const bump = (noteId: string, field: 'thanks' | 'opens') => {
    const s = perNote.get(noteId) ?? { thanks: 0, opens: 0 };
    s[field]++;
    perNote.set(noteId, s);
  };
  const thankedByMe = new Set<string>();
  const received: ThankReceived[] = [];
  for (const t of thanks) {
    const note = byId.get(t.noteId);
    if (!note || note.deletedAt !== undefined) continue;
    if (me.has(t.memberId)) thankedByMe.add(t.noteId);
    if (t.createdAt < since) continue;
    const author = authorOf(note, meIds).id;
    if (t.memberId === author) continue;
    if (me.has(author)) received.push({ from: t.memberName ?? '', note: toCard(note, meIds), at: t.createdAt });
    else bump(t.noteId, 'thanks');
  }
  for (const e of events) {
    if (e.type !== 'note-opened' || !e.noteId || e.at < since) continue;
    const note = byId.get(e.noteId);
    if (note && note.deletedAt === undefined && !me.has(authorOf(note, meIds).id)) bump(e.noteId, 'opens');
  }
  const perPerson = new Map<string, PersonToThank>();
  for (const [noteId, s] of [...perNote].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const note = byId.get(noteId)!;
    const person = authorOf(note, meIds);
    const p = perPerson.get(person.id);
    const isBetter = !p || s.thanks + s.opens > perNote.get(p.note.id)!.thanks + perNote.get(p.note.id)!.opens;
    const base = p ?? { person, thanks: 0, opens: 0, note: toCard(note, meIds), isThanked: false };
    base.thanks += s.thanks;
    base.opens += s.opens;
    if (isBetter) {
      base.note = toCard(note, meIds);
      base.isThanked = thankedByMe.has(noteId);
    }
    perPerson.set(person.id, base);
  }
  const toThank = [...perPerson.values()]
    .sort((a, b) => b.thanks + b.opens - (a.thanks + a.opens) || (a.person.id < b.person.id ? -1 : 1))
    .slice(0, limit);
  received.sort((a, b) => b.at - a.at || (a.note.id < b.note.id ? 1 : -1));
  return { toThank, received: received.slice(0, limit) };
}
