import type { Note } from '../model';
import { toCard } from './card';
import type { DigestEvent, DigestThank, NoteCard } from './types';

/** Small stable hash: the day's tie-break, so the archive changes daily but not between tabs. */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const RESTING_DAYS = 30;

/**
 * One older note for today, spaced like flash cards: a note shown today stays today's; otherwise well-thanked,
 * rarely-opened notes not shown in the last 30 days come first, and the day breaks ties.
 */
export function pickArchive(
  notes: Iterable<Note>,
  thanks: readonly DigestThank[],
  events: readonly DigestEvent[],
  shown: Readonly<Record<string, string>>,
  today: string,
  olderThan: number,
  meIds: readonly string[],
): NoteCard | null {
  const thanksBy = new Map<string, number>();
  for (const t of thanks) thanksBy.set(t.noteId, (thanksBy.get(t.noteId) ?? 0) + 1);
  const opensBy = new Map<string, number>();
  for (const e of events)
    if (e.type === 'note-opened' && e.noteId) opensBy.set(e.noteId, (opensBy.get(e.noteId) ?? 0) + 1);
  const todayMs = Date.parse(today);
  let best: { note: Note; score: number; tie: number } | null = null;
  for (const note of notes) {
    if (note.deletedAt !== undefined || note.createdAt >= olderThan) continue;
    const last = shown[note.id];
    if (last === today) return toCard(note, meIds);
    if (last && todayMs - Date.parse(last) < RESTING_DAYS * 86_400_000) continue;
    const score = 3 * (thanksBy.get(note.id) ?? 0) - (opensBy.get(note.id) ?? 0);
    const tie = hash(today + note.id);
    if (!best || score > best.score || (score === best.score && tie > best.tie)) best = { note, score, tie };
  }
  return best ? toCard(best.note, meIds) : null;
}
