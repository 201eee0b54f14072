/** Elements whose text a reader never sees as message content. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'BUTTON', 'svg']);
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'SECTION',
  'ARTICLE',
  'DETAILS',
  'SUMMARY',
  'FIGURE',
  'HR',
  'DL',
  'DT',
  'DD',
]);

/** Accumulates rendered text the way a reader sees it: collapsed spaces, a line per block, code kept verbatim. */
class TextBuilder {
  out = '';
  inline(text: string): void {
    let t = text.replace(/\s+/g, ' ');
    if (this.out === '' || this.out.endsWith('\n') || this.out.endsWith(' ')) t = t.replace(/^ /, '');
    this.out += t;
  }
  verbatim(text: string): void {
    this.out += text;
  }
  breakLine(force = false): void {
    this.out = this.out.replace(/ +$/, '');
    if (force || (this.out !== '' && !this.out.endsWith('\n'))) this.out += '\n';
  }
}

function walk(node: Node, b: TextBuilder, skip: string, isPre: boolean): void {
  if (node.nodeType === 3) {
    const t = node.nodeValue ?? '';
    if (isPre) b.verbatim(t);
    else b.inline(t);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (SKIPPED.has(el.tagName) || el.hasAttribute('hidden') || (skip && el.matches(skip))) return;
  // Slack renders a paragraph break as an empty span styled as a block (`data-stringify-type` is its copy hint).
  if (el.tagName === 'BR' || el.getAttribute('data-stringify-type') === 'paragraph-break') return b.breakLine(true);
  if (el.tagName === 'IMG') {
    const alt = el.getAttribute('alt') ?? '';
    if (/emoji/i.test(`${el.className} ${el.getAttribute('data-type') ?? ''}`) && alt.length <= 64) b.inline(alt);
    return;
  }
  // Multi-line <code> outside <pre> is a code block styled `white-space: pre` (Mattermost, Zulip): keep it verbatim.
  const isCodeBlock = el.tagName === 'PRE' || (el.tagName === 'CODE' && !isPre && /\n/.test(el.textContent ?? ''));
  const isBlock = BLOCKS.has(el.tagName) || isCodeBlock;
  if (isBlock) b.breakLine();
  for (const child of Array.from(el.childNodes)) walk(child, b, skip, isPre || isCodeBlock);
  if (isCodeBlock) b.out = b.out.replace(/\n$/, '');
  if (isBlock) b.breakLine();
}

/**
 * The text of a message body as its reader sees it, without the app's chrome (`skip`: edit markers, buttons,
 * hidden copy-paste helpers). Pure DOM walk, so it works in jsdom, where `innerText` does not exist.
 */
export function renderedText(el: Element | null | undefined, skip = '', isWithin = false): string {
  if (!el) return '';
  const b = new TextBuilder();
  // `isWithin`: `skip` applies inside `el` only (a message row whose own class names its sender, say).
  if (isWithin) for (const child of Array.from(el.childNodes)) walk(child, b, skip, false);
  else walk(el, b, skip, false);
  return b.out
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text (names, channel titles): whitespace collapsed. */
export function lineText(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}
