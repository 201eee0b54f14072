import type { Note, NoteKind } from '../model';

/**
 * What search knows of a note: a few bounded text fields and the facts filters and ranking need. Small on
 * purpose — the index stores it as token ids, so the popup never loads whole notes to search them.
 */
export interface SearchDoc {
  id: string;
  kind: NoteKind;
  title: string;
  quote: string;
  takeaway: string;
  /** Host name, e.g. `docs.github.com`. */
  site: string;
  tags: string[];
  /** Author's display name (matched by `by:`). */
  author?: string;
  /** Community id and/or display name (matched by `in:`). */
  community?: string;
  createdAt: number;
  thanks: number;
  /** Id of the question this note answers: makes that question answered (`is:unanswered`). */
  answers?: string;
}

/**
 * Longest text kept per field. The quote is indexed whole (the note model caps it at 20,000 characters): a
 * word late in a long quote is as findable as its first. Titles and takeaways stay bounded.
 */
export const FIELD_LIMITS = { title: 200, quote: 20_000, takeaway: 400 } as const;

/**
 * A note's search doc. `thanks` and the community's name live outside the note (thanks table, community
 * list), so the caller passes them.
 */
export function toSearchDoc(note: Note, extra: { thanks?: number; communityName?: string } = {}): SearchDoc {
  const community = [note.communityId, extra.communityName].filter(Boolean).join(' ');
  return {
    id: note.id,
    kind: note.kind,
    title: note.page.title.slice(0, FIELD_LIMITS.title),
    quote: note.quote.slice(0, FIELD_LIMITS.quote),
    takeaway: note.takeaway.slice(0, FIELD_LIMITS.takeaway),
    site: hostOf(note.page.canonicalUrl || note.page.url),
    tags: note.tags,
    ...(note.author ? { author: note.author.name } : {}),
    ...(community ? { community } : {}),
    createdAt: note.createdAt,
    thanks: extra.thanks ?? 0,
    ...(note.links?.answers ? { answers: note.links.answers } : {}),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
