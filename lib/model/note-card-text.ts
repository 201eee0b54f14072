import type { Note } from './note';

/** What a note's card says, as text. */
export interface NoteCardText {
  /** The card's accessible name. */
  label: string;
  quote: string;
  takeaway?: string;
  /** The line after the kind chip: site, author, rejection, date, tags (starts with a space). */
  meta: string;
}

function hostOf(url: string) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * The words of a note's card, once for both renderers of it: components/NoteCard (React) and the popup's
 * pre-React paint (lib/newest-snapshot/paint.ts, plain DOM, which may not load React). The elements stay in
 * each renderer; a test holds the two to the same HTML. All text: notes from other members are untrusted.
 */
export function noteCardText(note: Note): NoteCardText {
  const by = note.author ? ` · by ${note.author.name}` : '';
  const rejected = note.sync?.isRejected
    ? ` · rejected: ${note.sync.rejectReason ?? 'the community refused this change'}`
    : '';
  const tags = note.tags.length > 0 ? ` · ${note.tags.map((t) => `#${t}`).join(' ')}` : '';
  const site = note.page.siteName ?? hostOf(note.page.url);
  return {
    label: note.quote.slice(0, 80) || note.page.title,
    quote: note.quote || note.page.title,
    takeaway: note.takeaway || undefined,
    meta: ` ${site}${by}${rejected} · ${new Date(note.createdAt).toLocaleDateString()}${tags}`,
  };
}
