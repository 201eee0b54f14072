import { strToU8, zipSync } from 'fflate';
import type { Collection } from '../collections';
import type { Note } from '../model';
import { noteMarkdown, noteTitle, type NoteMarkdownOptions } from './note-markdown';
import { collectionWikiSource, wikiPage } from './wiki-page';

/** A file-system-safe, readable name: lowercase words and dashes, never `..`, never empty. */
export function slug(text: string, max = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return s || 'note';
}

/** YAML front matter; strings as JSON, which YAML reads as double-quoted scalars. */
function frontMatter(note: Note): string {
  const lines = [
    `id: ${note.id}`,
    `kind: ${note.kind}`,
    `source: ${JSON.stringify(note.page.url)}`,
    `title: ${JSON.stringify(note.page.title)}`,
    `created: ${new Date(note.createdAt).toISOString()}`,
    `tags: ${JSON.stringify(note.tags)}`,
  ];
  return `---\n${lines.join('\n')}\n---\n`;
}

export interface MarkdownZipOptions extends Omit<NoteMarkdownOptions, 'headingLevel'> {
  /** `note`: one file per note; `collection`: one wiki page per collection, plus the notes in none. */
  per: 'note' | 'collection';
  collections?: Collection[];
  /** Zip entry times; fixed in tests so the bytes are reproducible. */
  mtime?: Date;
}

/** Notes as Markdown files in one zip, for Obsidian, Logseq or any folder of notes. */
export function exportMarkdownZip(notes: Note[], opts: MarkdownZipOptions): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  const put = (dir: string, base: string, text: string) => {
    let name = `${dir}/${base}.md`;
    for (let i = 2; used.has(name); i++) name = `${dir}/${base}-${i}.md`;
    used.add(name);
    files[name] = strToU8(text);
  };
  let loose = notes;
  if (opts.per === 'collection') {
    const inSome = new Set<string>();
    for (const c of opts.collections ?? []) {
      const src = collectionWikiSource(c, notes);
      src.notes.forEach((n) => inSome.add(n.id));
      put('collections', slug(c.name), wikiPage(src, opts));
    }
    loose = notes.filter((n) => !inSome.has(n.id));
  }
  for (const n of loose) {
    put(
      'notes',
      `${slug(noteTitle(n))}-${n.id.slice(-8)}`,
      `${frontMatter(n)}\n${noteMarkdown(n, { ...opts, headingLevel: 1 })}\n`,
    );
  }
  return zipSync(files, { level: 6, mtime: opts.mtime ?? new Date() });
}
