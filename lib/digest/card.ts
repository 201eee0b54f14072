import type { Note } from '../model';
import { authorOf } from './digest-index';
import type { NoteCard } from './types';

const MAX_TITLE = 280;

/** The text a note is shown by: its takeaway, else its quote, else its page's title; trimmed, never markup. */
export function noteTitle(note: Note): string {
  const text = (note.takeaway.trim() || note.quote.trim() || note.page.title.trim()).replace(/\s+/g, ' ');
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text;
}

/** A note reduced to what a digest line shows. */
export function toCard(note: Note, meIds: readonly string[]): NoteCard {
  return {
    id: note.id,
    kind: note.kind,
    title: noteTitle(note),
    url: note.page.url,
    siteName: note.page.siteName ?? safeHost(note.page.url),
    author: authorOf(note, meIds),
    contributors: note.contributors ?? [],
    communityId: note.communityId ?? null,
    createdAt: note.createdAt,
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Newest first, ties broken by id so equal inputs always give equal output. */
export const newestFirst = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1);
