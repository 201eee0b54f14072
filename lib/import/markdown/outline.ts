/** One bullet of a Markdown outline (Logseq page, Readwise export): its text, `key:: value` properties, children. */
export interface Block {
  /** 1-based line of the bullet. */
  line: number;
  /** The bullet's text: its first line and continuation lines, without properties. */
  text: string;
  props: Map<string, string>;
  children: Block[];
  /** The nearest Markdown heading above the bullet's top-level ancestor ("Highlights", "Metadata"). */
  section: string;
}

export interface Outline {
  /** `key:: value` lines before the first bullet (a Logseq page's properties). */
  pageProps: Map<string, string>;
  blocks: Block[];
}

const BULLET = /^([ \t]*)[-*+](?:[ \t]+(.*))?$/;
const LOGSEQ_BULLET = /^([ \t]*)-(?:[ \t]+(.*))?$/;
const LOGSEQ_TAB_BULLET = /^(\t*)-(?:[ \t]+(.*))?$/;
const PROP = /^([A-Za-z][\w-]*)::(?:[ \t]+(.*))?$/;
const HEADING = /^#{1,6}[ \t]+(.+?)\s*#*\s*$/;

/** Sections Readwise writes highlights under: the first export, and each later sync's additions. */
export const HIGHLIGHTS = /^(?:highlights|new highlights added)\b/i;
const SECTION = /^(?:highlights|new highlights added|metadata|summary|document note)\b/i;

const width = (ws: string) => [...ws].reduce((n, c) => n + (c === '\t' ? 4 : 1), 0);

/**
 * Markdown lines → an outline of bullets. Nesting follows indentation (tabs or spaces, whatever the tool wrote);
 * `isLogseq`: only Logseq's own block bullets start blocks (see below);
 * lines under a bullet that are not bullets continue its text (Logseq's two-space continuation, Readwise's
 * wrapped highlights); `key:: value` lines are the bullet's properties.
 */
export function parseOutline(lines: string[], from = 0, { isLogseq = false } = {}): Outline {
  // Logseq starts blocks with "-" only, indented by tabs when the graph uses tabs: a "* item" or a "- item"
  // behind the two-space continuation indent is the block's own text (a list inside a highlight).
  const isTabbed = isLogseq && lines.some((l) => /^\t+- /.test(l));
  const bulletRe = !isLogseq ? BULLET : isTabbed ? LOGSEQ_TAB_BULLET : LOGSEQ_BULLET;
  const pageProps = new Map<string, string>();
  const blocks: Block[] = [];
  const stack: { indent: number; block: Block }[] = [];
  let section = '';
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i]!;
    const bullet = bulletRe.exec(raw);
    if (bullet) {
      const indent = width(bullet[1]!);
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      const block: Block = { line: i + 1, text: '', props: new Map(), children: [], section };
      addLine(block, bullet[2] ?? '');
      (stack.length ? stack[stack.length - 1]!.block.children : blocks).push(block);
      stack.push({ indent, block });
      continue;
    }
    const heading = HEADING.exec(raw);
    if (heading && !/^[ \t]/.test(raw)) {
      const open = stack[stack.length - 1]?.block;
      // Inside a highlights section an unknown heading is a highlight's own text (a code sample, a quoted
      // page), not the end of the list: Readwise writes highlights verbatim, headings included.
      if (open && HIGHLIGHTS.test(section) && !SECTION.test(heading[1]!)) {
        addLine(open, raw.trim());
        continue;
      }
      section = heading[1]!.trim();
      stack.length = 0;
      continue;
    }
    const cur = stack[stack.length - 1]?.block;
    if (!cur) {
      const p = PROP.exec(raw.trim());
      if (p) pageProps.set(p[1]!.toLowerCase(), (p[2] ?? '').trim());
      continue;
    }
    addLine(cur, raw.trim());
  }
  for (const b of walk(blocks)) b.text = b.text.replace(/\n+$/, '').replace(/^\n+/, '');
  return { pageProps, blocks };
}

function addLine(b: Block, line: string): void {
  const p = PROP.exec(line);
  if (p) {
    b.props.set(p[1]!.toLowerCase(), (p[2] ?? '').trim());
    return;
  }
  b.text += (b.text ? '\n' : '') + line;
}

/** Every block, depth first. */
export function* walk(blocks: Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    yield* walk(b.children);
  }
}
