import { err, ok, type Note, type Result } from '../../model';
import { bookUrl } from '../book-url';
import { buildNote } from '../build-note';
import type { ImportOptions, ImportReport, Skipped } from '../import-report';
import { blockquoteEntries } from './entries';
import { documentSource, frontMatter } from './markdown-meta';
import { parseOutline } from './outline';
import { outlineEntries, type DocContext, type OutlineEntry } from './outline-entries';

export type MarkdownFlavour = 'readwise' | 'readwise-logseq' | 'omnivore' | 'omnivore-logseq' | 'logseq' | 'obsidian';

/** Which tool wrote the file, from the marks each one leaves. */
export function detectFlavour(body: string): MarkdownFlavour {
  if (/^\s*[-*]\s+(?:Highlights first synced by \[\[Readwise\]\]|New highlights added \[\[)/m.test(body))
    return 'readwise-logseq';
  if (/omnivore\.app\/me\//.test(body) && /^\s*(?:[-*]\s+\[.*\]\(https:\/\/omnivore\.app|site::|[-*]\s+>)/m.test(body))
    return 'omnivore-logseq';
  if (/^#{1,6}\s+Highlights/im.test(body) && /^\s*[-*]\s+(Author|Full Title|URL|Category):/im.test(body))
    return 'readwise';
  // a Readwise file that only ever got later syncs (its liked tweets, for one) has no Metadata nor Highlights
  if (/^#{1,6}\s+New highlights added\b/im.test(body)) return 'readwise';
  if (/omnivore\.app|\[Read Original\]\(/i.test(body)) return 'omnivore';
  const bullets = body.split('\n').filter((l) => /^\s*[-*]\s/.test(l)).length;
  if (/^\s*[\w-]+::\s/m.test(body) || (bullets > 0 && !/^\s*>/m.test(body))) return 'logseq';
  return 'obsidian';
}

/**
 * Markdown highlight exports (Readwise's Markdown and Logseq exports, Omnivore's Logseq and Markdown exports,
 * Obsidian and Logseq pages) → one note per highlight. Empty highlights and highlights without any source are
 * reported as skipped; a file with no highlights at all is an error and imports nothing.
 */
export function importMarkdown(text: string, opts: ImportOptions): Result<Omit<ImportReport, 'duplicates'>> {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { meta, bodyStart } = frontMatter(lines);
  const body = lines.slice(bodyStart).join('\n');
  const flavour = detectFlavour(body);
  const page: DocContext = documentSource(meta, body);
  const skipped: Skipped[] = [];
  const found: OutlineEntry[] = [];
  if (flavour === 'omnivore' || flavour === 'obsidian') {
    for (const e of blockquoteEntries(lines, bodyStart)) {
      if (!e.quote.trim()) skipped.push({ where: `line ${e.line}`, reason: 'empty highlight' });
      else found.push({ ...e, doc: e.url ? { ...page, url: e.url } : page });
    }
  } else {
    const outline = parseOutline(lines, bodyStart, { isLogseq: flavour.endsWith('-logseq') });
    let entries = outlineEntries(outline, page, false, flavour === 'omnivore-logseq');
    if (flavour === 'logseq' && !entries.some((e) => !('isEmpty' in e))) entries = outlineEntries(outline, page, true);
    for (const e of entries) {
      if ('isEmpty' in e) skipped.push({ where: `line ${e.line}`, reason: e.reason });
      else found.push(e);
    }
  }
  if (!found.length && !skipped.length)
    return err(
      'No highlights found: expected "> quote" blocks, or a list under "## Highlights". Nothing was imported.',
    );
  const tool = flavour.replace(/-logseq$/, '');
  // A book has no web address: its catalogue page stands in (as for Kindle clippings), never a guess at a URL.
  const isBook = /^\s*[-*]?\s*category(?::|::)\s*#\S*books?\b/im.test(body);
  const notes: Note[] = [];
  for (const e of found) {
    const url =
      e.doc.url ?? (e.doc.title && (e.doc.asin || isBook) ? bookUrl(e.doc.title, e.doc.author, e.doc.asin) : '');
    const built = buildNote(
      {
        url,
        title: e.doc.title,
        byline: e.doc.author,
        quote: e.quote,
        takeaway: e.note.join('\n'),
        tags: [...e.doc.tags, ...e.tags],
        ...(e.link || e.location
          ? { origin: { tool, ...(e.link ? { link: e.link } : {}), ...(e.location ? { location: e.location } : {}) } }
          : {}),
      },
      opts,
    );
    if (built.ok) notes.push(built.value);
    else skipped.push({ where: `line ${e.line}`, reason: built.error });
  }
  return ok({ format: 'markdown', flavour, notes, collections: [], skipped });
}
