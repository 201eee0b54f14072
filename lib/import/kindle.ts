import type { Note } from '../model';
import { bookUrl } from './book-url';
import { buildNote } from './build-note';
import type { ImportOptions, ParsedImport, Skipped } from './import-report';

const SEPARATOR = /^==========\s*$/m;
type Kind = 'highlight' | 'note' | 'bookmark' | 'clip';

/** The kind words Kindle writes in the languages seen in real files (English, Chinese, German, French, Spanish). */
const KINDS: [RegExp, Kind][] = [
  [/Highlight|标注|Markierung|surlignement|subrayado|evidenziazione/i, 'highlight'],
  [/\bNote\b|笔记|Notiz|\bnota\b/i, 'note'],
  [/Bookmark|书签|Lesezeichen|signet|marcador|segnalibro/i, 'bookmark'],
  [/Clip/i, 'clip'],
];

/** True when the text looks like a Kindle `My Clippings.txt`. */
export function isKindleClippings(text: string): boolean {
  return SEPARATOR.test(text) && /^\uFEFF?[^\n]+\n- [^\n]*\|[^\n]*$/m.test(text);
}

interface Clipping {
  line: number;
  title: string;
  author?: string;
  kind?: Kind;
  location: string;
  /** Last number of the location range: a note sits at the end of the highlight it belongs to. */
  end?: number;
  at?: number;
  text: string;
}

function parseClipping(block: string, line: number): Clipping | undefined {
  const lines = block
    .replace(/\uFEFF/g, '')
    .replace(/^\n+/, '')
    .split('\n');
  const head = lines[0]?.trim();
  const meta = lines[1]?.trim();
  if (!head || !meta?.startsWith('- ')) return undefined;
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(head);
  const parts = meta.slice(2).split(/\s*\|\s*/);
  const added = parts.length > 1 ? parts.pop()! : '';
  const kind = KINDS.find(([re]) => re.test(parts[0] ?? ''))?.[1];
  const location = parts
    .join(' | ')
    .replace(/^(?:Your|Ihre?|Votre|Tu|La tua|我的)\s*\S+\s*(?:on|at|auf|sur|en|in|a)?\s*/i, '')
    .replace(/^您在/, '');
  const range = /(\d+)(?:-(\d+))?\s*(?:\)|）)?\s*(?:的\S+)?$/.exec(location);
  return {
    line,
    title: (m ? m[1]! : head).trim(),
    author: m?.[2]?.trim() || undefined,
    kind,
    location: location.slice(0, 200),
    end: range ? Number(range[2] ?? range[1]) : undefined,
    at: kindleTime(added),
    text: lines.slice(2).join('\n').trim(),
  };
}

/** "Added on Monday, July 31, 2017 11:11:20 PM" or "添加于 2013年12月18日星期三 下午04:55:44" → epoch ms. */
export function kindleTime(s: string): number | undefined {
  const zh = /(\d{4})年(\d{1,2})月(\d{1,2})日\S*\s*(上午|下午)?\s*(\d{1,2}):(\d{2}):(\d{2})/.exec(s);
  if (zh) {
    let h = Number(zh[5]);
    if (zh[4] === '下午' && h < 12) h += 12;
    if (zh[4] === '上午' && h === 12) h = 0;
    return Date.UTC(Number(zh[1]), Number(zh[2]) - 1, Number(zh[3]), h, Number(zh[6]), Number(zh[7]));
  }
  const en = /(?:on|am|le|el)?\s*(?:\w+,\s*)?([A-Z][a-z]+ \d{1,2}, \d{4}) (\d{1,2}:\d{2}:\d{2})(?: ([AP]M))?/.exec(s);
  if (!en) return undefined;
  const t = Date.parse(`${en[1]} ${en[2]}${en[3] ? ` ${en[3]}` : ''} UTC`);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * Kindle `My Clippings.txt` → notes. Highlights become notes on the book's page (see bookUrl); a note typed on
 * the Kindle becomes the takeaway of the highlight it ends on, or a note of its own; bookmarks and empty
 * highlights are reported as skipped.
 */
export function importKindle(text: string, opts: ImportOptions): ParsedImport {
  const blocks = text.replace(/\r\n?/g, '\n').split(SEPARATOR);
  const clippings: Clipping[] = [];
  const skipped: Skipped[] = [];
  let line = 1;
  for (const block of blocks) {
    const at = line + (/^\n/.test(block) ? 1 : 0);
    line += block.split('\n').length - 1;
    if (!block.trim()) continue;
    const c = parseClipping(block, at);
    if (!c) skipped.push({ where: `line ${at}`, reason: 'not a clipping (no title and "- Your …" line)' });
    else if (c.kind === 'bookmark') skipped.push({ where: `line ${at}`, reason: 'a bookmark holds no text' });
    else if (!c.text) skipped.push({ where: `line ${at}`, reason: `empty ${c.kind ?? 'clipping'}` });
    else clippings.push(c);
  }
  const byKey = new Map<string, Clipping>();
  const seen = new Map<string, Clipping>();
  const takeaways = new Map<Clipping, string[]>();
  const standalone: Clipping[] = [];
  let merged = 0;
  for (const c of clippings) {
    const key = `${c.title}\u0001${c.end}`;
    if (c.kind === 'note') {
      const hl = byKey.get(key);
      if (hl) takeaways.get(hl)!.push(c.text);
      else standalone.push(c);
      continue;
    }
    // Kindle appends the same highlight again when it is touched again: one highlight, its notes kept together.
    const same = seen.get(`${c.title}\u0001${c.location}\u0001${c.text}`);
    if (same) {
      merged++;
      byKey.set(key, same);
      continue;
    }
    seen.set(`${c.title}\u0001${c.location}\u0001${c.text}`, c);
    byKey.set(key, c);
    takeaways.set(c, []);
  }
  const notes: Note[] = [];
  for (const c of [...takeaways.keys(), ...standalone]) {
    const isNote = c.kind === 'note';
    const built = buildNote(
      {
        url: bookUrl(c.title, c.author),
        title: c.title,
        byline: c.author,
        quote: isNote ? '' : c.text,
        takeaway: isNote ? c.text : (takeaways.get(c) ?? []).join('\n'),
        createdAt: c.at,
        origin: { tool: 'kindle', location: c.location },
      },
      opts,
    );
    if (built.ok) notes.push(built.value);
    else skipped.push({ where: `line ${c.line}`, reason: built.error });
  }
  return { format: 'kindle', notes, collections: [], skipped, merged };
}
