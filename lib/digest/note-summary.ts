import type { Note } from '../model';

/**
 * What the digest's index needs of one note, and nothing more: kept beside every note (lib/db's summary buckets)
 * so a digest without an index folds these instead of decoding every full note.
 */
export type NoteSummary = Pick<
  Note,
  'id' | 'kind' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'communityId' | 'author'
> & {
  links?: { answers?: string };
};

/** The summary of `note`: only fields present on the note appear, so equal notes give equal rows. */
export function noteSummary(note: Note): NoteSummary {
  const s: NoteSummary = { id: note.id, kind: note.kind, createdAt: note.createdAt, updatedAt: note.updatedAt };
  if (note.deletedAt !== undefined) s.deletedAt = note.deletedAt;
  if (note.communityId !== undefined) s.communityId = note.communityId;
  if (note.author) s.author = { id: note.author.id, name: note.author.name };
  if (note.links?.answers !== undefined) s.links = { answers: note.links.answers };
  return s;
}

/**
 * Whether replacing `before` by `after` (undefined: the note left the store) takes back something the index only
 * ever adds to: a live note's creation time (last harvest, weeks), community (its last harvest) or author (their
 * first harvest and name). Such an index cannot be advanced; it is rebuilt.
 */
export function isRetraction(before: NoteSummary | undefined, after: NoteSummary | undefined): boolean {
  if (!before || before.deletedAt !== undefined) return false;
  if (!after || after.deletedAt !== undefined) return true;
  return (
    after.createdAt !== before.createdAt ||
    (after.communityId ?? null) !== (before.communityId ?? null) ||
    after.author?.id !== before.author?.id ||
    after.author?.name !== before.author?.name
  );
}

/** Whether two summaries say the same (a sync flag flipped on the note, say): nothing for the digest to fold. */
export function isSameSummary(a: NoteSummary | undefined, b: NoteSummary): boolean {
  return (
    a !== undefined &&
    a.id === b.id &&
    a.kind === b.kind &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.deletedAt === b.deletedAt &&
    a.communityId === b.communityId &&
    a.author?.id === b.author?.id &&
    a.author?.name === b.author?.name &&
    a.links?.answers === b.links?.answers
  );
}
