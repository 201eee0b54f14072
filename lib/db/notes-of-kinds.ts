import type { Note, NoteKind } from '../model';
import type { CommonplaceDb } from './schema';

/** Notes read per transaction by `notesOfKinds`: a note write queued behind one waits for this many at most. */
export const KIND_READ_CHUNK = 2000;

/**
 * Every stored note of `kinds` (tombstones included), read without one long transaction over the notes: the
 * ids first, keys only from the `kind` index (one short read each), then the notes a chunk per transaction.
 * `where('kind').anyOf(...)` walks a cursor, one step per note, in a single read-only transaction: at 100k
 * notes the question upkeep's read of every question and answer held one for 16-19 s, and every Save clicked
 * meanwhile waited for it (bench:harvest trace=1, issue 19). A note deleted between the two reads is left out.
 */
export async function notesOfKinds(
  db: CommonplaceDb,
  kinds: readonly NoteKind[],
  chunk = KIND_READ_CHUNK,
): Promise<Note[]> {
  const ids: string[] = [];
  // In the kind index's order (kind, then id), as anyOf gave them.
  for (const kind of [...kinds].sort()) ids.push(...(await db.notes.where('kind').equals(kind).primaryKeys()));
  const out: Note[] = [];
  for (let at = 0; at < ids.length; at += chunk) {
    for (const n of await db.notes.bulkGet(ids.slice(at, at + chunk))) if (n) out.push(n);
  }
  return out;
}
