import { z } from 'zod';
import { err, ok, safeText, type Result } from '../model';

/** A named, hand-ordered list of notes (a ritual, a topic, an onboarding path). Same shape as the db row. */
export const CollectionSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: safeText(200).pipe(z.string().trim().min(1, 'needs a name')),
  description: safeText(5000).optional(),
  noteIds: z.array(z.string().max(64)).max(10_000),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Collection = z.infer<typeof CollectionSchema>;

/** A new empty collection; the name is checked so a bad one changes nothing. */
export function newCollection(id: string, name: string, now: number, description?: string): Result<Collection> {
  const parsed = CollectionSchema.safeParse({
    id,
    name,
    noteIds: [],
    createdAt: now,
    updatedAt: now,
    ...(description ? { description } : {}),
  });
  return parsed.success ? ok(parsed.data) : err(parsed.error.issues[0]?.message ?? 'invalid collection');
}

const touch = (c: Collection, noteIds: string[], now: number): Collection => ({
  ...c,
  noteIds,
  updatedAt: Math.max(now, c.updatedAt + 1),
});

/** Appends notes not already in the collection (a note appears once), or inserts them at `at`. */
export function addNotes(c: Collection, ids: string[], now: number, at = c.noteIds.length): Collection {
  const fresh = [...new Set(ids)].filter((id) => !c.noteIds.includes(id));
  const next = [...c.noteIds];
  next.splice(Math.max(0, Math.min(at, next.length)), 0, ...fresh);
  return touch(c, next, now);
}

export function removeNotes(c: Collection, ids: string[], now: number): Collection {
  const gone = new Set(ids);
  return touch(
    c,
    c.noteIds.filter((id) => !gone.has(id)),
    now,
  );
}

/** Moves one note to position `to` (clamped): the hand ordering. */
export function moveNote(c: Collection, id: string, to: number, now: number): Collection {
  const from = c.noteIds.indexOf(id);
  if (from < 0) return c;
  const next = [...c.noteIds];
  next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, id);
  return touch(c, next, now);
}

/** The collection's notes in its order, skipping ids whose note is gone (deleted or not synced yet). */
export function notesInOrder<N extends { id: string }>(c: Pick<Collection, 'noteIds'>, notes: Iterable<N>): N[] {
  const byId = new Map<string, N>();
  for (const n of notes) byId.set(n.id, n);
  return c.noteIds.flatMap((id) => {
    const n = byId.get(id);
    return n ? [n] : [];
  });
}
