import { err, ok, type Note, type Result } from '../../model';
import { buildNote } from '../build-note';
import type { ImportOptions, ImportReport, Skipped } from '../import-report';
import { blockquoteEntries, bulletEntries, type MdEntry } from './entries';
import { documentSource, frontMatter } from './markdown-meta';

export type MarkdownFlavour = 'readwise' | 'omnivore' | 'logseq' | 'obsidian';

/** Which tool wrote the file, from the marks each one leaves. */
export function detectFlavour(body: string): MarkdownFlavour {
  if (/^##\s+Highlights/im.test(body) && /^\s*-\s+(Author|Full Title|URL|Category):/im.test(body)) return 'readwise';
  if (/omnivore\.app|\[Read Original\]\(/i.test(body)) return 'omnivore';
  const bullets = body.split('\n').filter((l) => /^\s*[-*]\s/.test(l)).length;
  if (/^\s*[\w-]+::\s/m.test(body) || (bullets > 0 && !/^\s*>/m.test(body))) return 'logseq';
  return 'obsidian';
}

/**
 * Markdown highlight exports (Readwise, Omnivore, Obsidian, Logseq) → notes. Highlights without any http(s)
 * source are skipped and reported; a file with no highlights at all is an error and imports nothing.
 */
export function importMarkdown(text: string, opts: ImportOptions): Result<Omit<ImportReport, 'duplicates'>> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { meta, bodyStart } = frontMatter(lines);
  const body = lines.slice(bodyStart).join('\n');
  const flavour = detectFlavour(body);
  const doc = documentSource(meta, body);
  let entries: MdEntry[];
  if (flavour === 'readwise') {
    const start = lines.findIndex((l, i) => i >= bodyStart && /^##\s+Highlights/i.test(l));
    entries = bulletEntries(lines, start + 1);
  } else if (flavour === 'logseq') entries = bulletEntries(lines, bodyStart);
  else entries = blockquoteEntries(lines, bodyStart);
  entries = entries.filter((e) => e.quote.trim());
  if (!entries.length)
    return err(
      'No highlights found: expected "> quote" blocks, or a list under "## Highlights". Nothing was imported.',
    );
  const notes: Note[] = [];
  const skipped: Skipped[] = [];
  for (const e of entries) {
    const built = buildNote(
      {
        url: e.url ?? doc.url ?? '',
        title: doc.title,
        quote: e.quote,
        takeaway: e.note.join('\n'),
        tags: [...doc.tags, ...e.tags],
      },
      opts,
    );
    if (built.ok) notes.push(built.value);
    else skipped.push({ where: `line ${e.line}`, reason: built.error });
  }
  return ok({ format: 'markdown', flavour, notes, collections: [], skipped });
}
