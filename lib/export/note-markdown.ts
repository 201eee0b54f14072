import type { Note } from '../model';
import { blockquote, escapeMarkdown, fencedCode, mdLink, oneLine } from './markdown-text';
import { textFragmentUrl } from './text-fragment';

/** Tags that name a language, for snippets harvested before `rich.codeLanguage` existed. */
const LANGUAGE_TAGS = new Set([
  'bash',
  'c',
  'cpp',
  'csharp',
  'css',
  'go',
  'html',
  'java',
  'javascript',
  'js',
  'json',
  'kotlin',
  'php',
  'python',
  'py',
  'ruby',
  'rust',
  'scala',
  'sh',
  'shell',
  'sql',
  'swift',
  'ts',
  'tsx',
  'typescript',
  'yaml',
]);

export interface NoteMarkdownOptions {
  /** Converts harvested rich HTML (sanitising it); without it the plain quote is used. */
  htmlToMarkdown?: (html: string) => string;
  /** Heading level for the note's title line; 0 leaves the title out. */
  headingLevel?: number;
}

export function codeLanguageOf(note: Note): string {
  return note.rich?.codeLanguage ?? note.tags.find((t) => LANGUAGE_TAGS.has(t)) ?? '';
}

/** A short human title for a note: its page's title, else the first words of the takeaway or quote. */
export function noteTitle(note: Note): string {
  const t = oneLine(note.page.title) || oneLine(note.takeaway) || oneLine(note.quote);
  return t.length > 90 ? `${t.slice(0, 89)}…` : t || 'Untitled note';
}

/** The quote part: fenced code for snippets, the chat messages for a thread note, else a blockquote. */
function quoteBlock(note: Note, opts: NoteMarkdownOptions): string {
  if (note.kind === 'snippet' && note.quote.trim()) return fencedCode(note.quote, codeLanguageOf(note));
  if (!note.quote.trim() && note.chat?.messages.length) {
    return note.chat.messages
      .map((m) => blockquote(`${m.author ? `**${escapeMarkdown(oneLine(m.author))}:** ` : ''}${messageText(m.text)}`))
      .join('\n\n');
  }
  if (!note.quote.trim()) return '';
  const html = note.rich?.html;
  const body = html && opts.htmlToMarkdown ? opts.htmlToMarkdown(html) : escapeMarkdown(note.quote.trim());
  return blockquote(body);
}

/** Chat text keeps its fenced code blocks (common in technical threads); the prose around them is escaped. */
function messageText(text: string): string {
  return text
    .split(/(```[\s\S]*?```)/g)
    .map((part, i) => (i % 2 ? part : escapeMarkdown(part.trim())))
    .filter(Boolean)
    .join('\n');
}

/** One note as Markdown: title, quote, takeaway, tags and a text-fragment link back to the source. */
export function noteMarkdown(note: Note, opts: NoteMarkdownOptions = {}): string {
  const level = opts.headingLevel ?? 2;
  const parts: string[] = [];
  if (level > 0) parts.push(`${'#'.repeat(level)} ${escapeMarkdown(noteTitle(note))}`);
  const quote = quoteBlock(note, opts);
  if (quote) parts.push(quote);
  if (note.takeaway.trim()) parts.push(escapeMarkdown(note.takeaway.trim()));
  const meta = [
    mdLink(note.page.title || note.page.url, textFragmentUrl(note.page.url, note.kind === 'snippet' ? '' : note.quote)),
  ];
  if (note.author) meta.push(`by ${escapeMarkdown(oneLine(note.author.name))}`);
  meta.push(new Date(note.createdAt).toISOString().slice(0, 10));
  if (note.tags.length) meta.push(note.tags.map((t) => `#${escapeMarkdown(t)}`).join(' '));
  parts.push(`— ${meta.join(' · ')}`);
  return parts.join('\n\n');
}
