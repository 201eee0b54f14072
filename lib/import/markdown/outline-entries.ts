import { HIGHLIGHTS, type Block, type Outline } from './outline';
import { cleanHighlight, firstUrl, tagsIn } from './markdown-meta';

/** One highlight found in an outline, with the document it belongs to. */
export interface OutlineEntry {
  line: number;
  quote: string;
  note: string[];
  tags: string[];
  /** The link back to this highlight in the tool that exported it (View Highlight, ⤴️). */
  link?: string;
  /** Where the highlight sits in its source ("Location 287"), when the tool says. */
  location?: string;
  doc: DocContext;
}

export interface DocContext {
  url?: string;
  title?: string;
  author?: string;
  tags: string[];
  /** Amazon id of a Kindle book, read from Readwise's "Location" links. */
  asin?: string;
}

/** A bullet that holds highlights: Readwise's sync bullets, a "Highlights" heading made a bullet (Omnivore). */
const CONTAINER = /^(?:Highlights first synced by|New highlights added|#{1,6}\s*Highlights\b)/i;
const NOTE = /^(?:\*\*)?Note(?:\*\*)?\s*:(?:\*\*)?\s*/i;
const TAGS = /^(?:\*\*)?Tags(?:\*\*)?\s*:(?:\*\*)?\s*/i;
const DEEP_LINK =
  /\(\[(View Highlight|View Tweet|Location\s[^\]]*|Page\s[^\]]*)\]\((https?:[^)\s]+)\)\)|\[⤴️?\]\((https?:[^)\s]+)\)/u;

/** Readwise's tag lists: `*favorite*` (Obsidian), `[MOCs/R](../R.md)` (a vault link) → `#favorite #MOCs/R`. */
const tagText = (s: string) => s.replace(/\[([^\]]+)\]\([^)]*\)/g, '#$1').replace(/\*([^*\s]+)\*/g, '#$1');

const unlink = (s: string) =>
  s
    .replace(/^\[\[(.*)\]\]$/, '$1')
    .replace(/^\*(.*)\*$/, '$1')
    .trim();

/** The document a block describes, from its properties or its `[Title](link)` line (Omnivore's article bullet). */
function docOf(b: Block, outer: DocContext): DocContext {
  const p = b.props;
  const url = firstUrl(p.get('site') ?? p.get('url') ?? p.get('link') ?? p.get('source') ?? p.get('original-url'));
  if (!url) return outer;
  const titled = /^\[(.+)\]\((https?:[^)]+)\)$/.exec(b.text.trim());
  const heading = /^#{1,6}\s+(.+)$/.exec(b.text.trim());
  const labels = p.get('labels') ?? p.get('tags');
  return {
    url,
    title: titled?.[1] ?? heading?.[1] ?? outer.title,
    author: p.get('author') ? unlink(p.get('author')!) : undefined,
    tags: labels ? tagsIn(labels) : [],
  };
}

/** Metadata bullets of Readwise's Markdown export ("- URL: …", "* Author: *x*") → the document. */
function metadataDoc(blocks: Block[], outer: DocContext): DocContext {
  const doc = { ...outer };
  for (const b of blocks) {
    const m = /^(Author|Full Title|URL|Document Tags|Tags)\s*:\s*(.*)$/i.exec(b.text);
    if (!m) continue;
    const [key, value] = [m[1]!.toLowerCase(), m[2]!.trim()];
    if (key === 'url') doc.url = firstUrl(value) ?? doc.url;
    else if (key === 'author') doc.author = unlink(value);
    else if (key === 'full title') doc.title = value;
    else doc.tags = [...doc.tags, ...tagsIn(tagText(value))];
  }
  return doc;
}

/**
 * A highlight bullet → an entry; its child bullets (and a `note::` property, as older Omnivore templates wrote)
 * are its note and tags, or highlights of their own. `isQuoteMarked`: the tool marks every highlight with `>`
 * (Omnivore), so an unmarked bullet among them is the reader's own note on the page, kept as a note without quote.
 */
function entryOf(b: Block, doc: DocContext, out: (OutlineEntry | EmptyEntry)[], isQuoteMarked: boolean): void {
  if (isQuoteMarked && !/^>/.test(b.text)) {
    if (!b.text.trim()) out.push({ line: b.line, isEmpty: true, reason: 'empty bullet' });
    else out.push({ line: b.line, quote: '', note: [noteText(b)], tags: [], doc });
    return;
  }
  const link = DEEP_LINK.exec(b.text);
  const location = link?.[1] && /^(Location|Page)/i.test(link[1]) ? link[1].replace(/\s+/g, ' ') : undefined;
  const asin = link?.[2] ? /[?&]asin=([A-Z0-9]{10})/i.exec(link[2])?.[1] : undefined;
  const raw = b.text
    .split('\n')
    .map((l) => l.replace(/^>\s?/, ''))
    .join('\n');
  const cleaned = cleanHighlight(raw);
  const entry: OutlineEntry = {
    line: b.line,
    quote: cleaned.text.replace(/^-$/, ''),
    note: [],
    tags: cleaned.tags,
    ...(link ? { link: link[2] ?? link[3] } : {}),
    ...(location ? { location } : {}),
    // A tweet has no document URL in Readwise's export: the tweet's own link is its page.
    doc: asin && !doc.url ? { ...doc, asin } : link?.[1] === 'View Tweet' && !doc.url ? { ...doc, url: link[2] } : doc,
  };
  const noteProp = b.props.get('note');
  if (noteProp) entry.note.push(noteProp);
  if (!entry.quote) out.push({ line: b.line, isEmpty: true, reason: 'empty highlight' });
  else out.push(entry);
  for (const c of b.children) {
    if (DEEP_LINK.test(c.text) || /^>/.test(c.text)) entryOf(c, doc, out, isQuoteMarked);
    else if (TAGS.test(c.text)) entry.tags.push(...tagsIn(tagText(c.text.replace(TAGS, ''))));
    else if (c.text.trim() && c.text.trim() !== '-') entry.note.push(noteText(c));
  }
}

const noteText = (b: Block): string =>
  [b.text.replace(NOTE, '').replace(/^>\s?/, ''), ...b.children.map(noteText)].filter(Boolean).join('\n');

export interface EmptyEntry {
  line: number;
  isEmpty: true;
  reason: 'empty highlight' | 'empty bullet';
}

/**
 * An outline (Logseq page from Readwise or Omnivore, Readwise's Markdown export) → its highlights, one entry per
 * highlight (never one per sync bullet), each with the document it sits under. Empty highlights come back as
 * EmptyEntry so the caller can report them. `isAllHighlights`: every top-level bullet is a highlight (a
 * hand-kept Logseq page, where nothing marks them).
 */
export function outlineEntries(
  outline: Outline,
  page: DocContext,
  isAllHighlights: boolean,
  isQuoteMarked = false,
): (OutlineEntry | EmptyEntry)[] {
  const out: (OutlineEntry | EmptyEntry)[] = [];
  const visit = (blocks: Block[], doc: DocContext, isInHighlights: boolean) => {
    for (const b of blocks) {
      const here = docOf(b, doc);
      if (/^metadata$/i.test(b.section) && !isInHighlights) continue;
      if (CONTAINER.test(b.text)) visit(b.children, here, true);
      else if (isInHighlights || HIGHLIGHTS.test(b.section) || /^>/.test(b.text)) entryOf(b, here, out, isQuoteMarked);
      else visit(b.children, here, false);
    }
  };
  const metaBlocks = outline.blocks.filter((b) => /^metadata$/i.test(b.section));
  visit(outline.blocks, metaBlocks.length ? metadataDoc(metaBlocks, page) : page, isAllHighlights);
  return out;
}
