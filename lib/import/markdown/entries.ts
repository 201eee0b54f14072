import { cleanHighlight, firstUrl, tagsIn } from './markdown-meta';

/** One highlight as found in a Markdown file, before it becomes a note. */
export interface MdEntry {
  line: number;
  quote: string;
  note: string[];
  tags: string[];
  url?: string;
  /** The link back to this highlight in the exporting tool (Omnivore's ⤴️). */
  link?: string;
}

const NOTE_PREFIX = /^(?:\*\*)?note(?:\*\*)?\s*::?\s*(?:\*\*)?\s*/i;
const TAGS_PREFIX = /^(?:\*\*)?tags(?:\*\*)?\s*::?\s*(?:\*\*)?\s*/i;
const SOURCE_PREFIX = /^(?:source|url|link)\s*::?\s*/i;

/** Sorts one detail line (a child bullet, a line after a quote) into note text, tags or the source link. */
function addDetail(e: MdEntry, raw: string): void {
  const line = raw.trim();
  if (!line) return;
  if (TAGS_PREFIX.test(line)) e.tags.push(...tagsIn(line.replace(TAGS_PREFIX, '')));
  else if (SOURCE_PREFIX.test(line) || /^(?:—|--|-)?\s*\[[^\]]*\]\(https?:[^)]+\)\s*$/.test(line))
    e.url = firstUrl(line) ?? e.url;
  else if (/^[\w-]+::\s/.test(line))
    return; // other Logseq block properties
  else e.note.push(line.replace(NOTE_PREFIX, ''));
}

/**
 * Blockquote style (Omnivore, Obsidian, most hand-kept notes): each `> quote` group is a highlight; the lines
 * after it, up to the next quote or heading, are its note, tags and source link.
 */
export function blockquoteEntries(lines: string[], from: number): MdEntry[] {
  const out: MdEntry[] = [];
  let cur: MdEntry | undefined;
  let inQuote = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const q = /^\s*>\s?(.*)$/.exec(line);
    if (q) {
      if (!inQuote) {
        cur = { line: i + 1, quote: '', note: [], tags: [] };
        out.push(cur);
        inQuote = true;
      }
      const text = q[1]!;
      if (/^\[!(quote|cite|note)\]/i.test(text.trim())) continue; // Obsidian callout header
      cur!.quote += (cur!.quote ? '\n' : '') + text;
      continue;
    }
    inQuote = false;
    if (/^\s*(#{1,6}\s|---\s*$)/.test(line)) cur = undefined;
    else if (cur) addDetail(cur, line);
  }
  for (const e of out) {
    const link = /\[⤴️?\]\((https?:[^)\s]+)\)/u.exec(e.quote)?.[1];
    if (link) e.link = link;
    const cleaned = cleanHighlight(e.quote.replace(/\n+$/, ''));
    e.quote = cleaned.text;
    e.tags.push(...cleaned.tags);
  }
  return out;
}
