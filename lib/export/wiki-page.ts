import type { Collection } from '../collections';
import { notesInOrder } from '../collections';
import type { Note } from '../model';
import { contributorsOf } from './contributors';
import { escapeMarkdown, oneLine } from './markdown-text';
import { noteMarkdown, type NoteMarkdownOptions } from './note-markdown';

export interface WikiSource {
  title: string;
  summary?: string;
  /** In the order the page shows them. */
  notes: Note[];
}

/**
 * A Markdown page from notes: title, summary, each note (quotes as blockquotes, snippets as fenced code with
 * their language, a text-fragment link back), then a contributors line crediting everyone harvested or quoted.
 */
export function wikiPage(src: WikiSource, opts: Omit<NoteMarkdownOptions, 'headingLevel'> = {}): string {
  const parts = [`# ${escapeMarkdown(oneLine(src.title)) || 'Untitled'}`];
  if (src.summary?.trim()) parts.push(escapeMarkdown(src.summary.trim()));
  for (const note of src.notes) parts.push(noteMarkdown(note, { ...opts, headingLevel: 2 }));
  const people = contributorsOf(src.notes);
  if (people.length) parts.push(`---\n\n**Contributors:** ${people.map((p) => escapeMarkdown(p)).join(', ')}`);
  return `${parts.join('\n\n')}\n`;
}

/** A collection's page: its notes in hand order (deleted ones left out). */
export function collectionWikiSource(collection: Collection, notes: Iterable<Note>): WikiSource {
  return {
    title: collection.name,
    summary: collection.description,
    notes: notesInOrder(collection, notes).filter((n) => n.deletedAt === undefined),
  };
}

/** A tag's page: every live note with the tag, oldest first (the order the knowledge grew). */
export function tagWikiSource(tag: string, notes: Iterable<Note>): WikiSource {
  const picked = [...notes].filter((n) => n.deletedAt === undefined && n.tags.includes(tag));
  return { title: `#${tag}`, notes: picked.sort((a, b) => a.createdAt - b.createdAt) };
}

/** A chat-thread note's page: the thread's question as the title, the takeaway as the summary. */
export function threadWikiSource(note: Note): WikiSource {
  const root = note.chat?.threadRoot?.text ?? note.chat?.messages[0]?.text ?? note.page.title;
  const title = oneLine(root);
  return {
    title: title.length > 100 ? `${title.slice(0, 99)}…` : title,
    summary: note.takeaway,
    notes: [{ ...note, takeaway: '' }],
  };
}
