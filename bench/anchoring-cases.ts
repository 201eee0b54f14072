/**
 * Cases for bench:anchoring. Quotes are sampled (seeded) from a page's reader text, 3–60 words, anywhere, so
 * many cross element boundaries; each case is one target document holding every note's change, with the
 * span each note should land on (or null: it should orphan). Spans are in our TextModel of the target;
 * the reference's ranges are scored through the same model, so both are judged by one yardstick.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { buildTextModel, offsetsToRange, rangeToOffsets, type TextModel } from '../lib/anchoring';

export type CaseName = 'a' | 'b' | 'c1' | 'c2' | 'c3' | 'c4' | 'd';
export interface Span {
  start: number;
  end: number;
}
export interface Target {
  name: CaseName;
  html: string;
  /** Per note: where it must anchor in the target, or null when the right answer is an orphan. */
  expected: (Span | null)[];
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** Scripts do not run; the pages' CSS the parser cannot read is not this bench's concern (silent console). */
export const parse = (html: string): Document =>
  new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;

function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
  return n;
}
function nthIndex(text: string, needle: string, nth: number): number {
  let i = text.indexOf(needle);
  for (let k = 0; k < nth && i >= 0; k++) i = text.indexOf(needle, i + 1);
  return i;
}

/**
 * Non-overlapping quotes, 3–60 words, at least 64 characters apart (twice the stored context) so one
 * note's change never touches another's context. `accept` filters (for (b): present in expected.html).
 */
export function sampleQuotes(model: TextModel, n: number, rand: () => number, accept: (s: Span) => boolean): Span[] {
  const { text } = model;
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) starts.push(i);
  const out: Span[] = [];
  for (let attempt = 0; out.length < n && attempt < n * 40 && starts.length > 3; attempt++) {
    const w = Math.floor(rand() * starts.length);
    const words = 3 + Math.floor(rand() * 58);
    if (w + words > starts.length) continue;
    const start = starts[w] as number;
    const next = starts[w + words];
    const end = next === undefined ? text.length : next - 1;
    if (out.some((s) => start < s.end + 64 && end > s.start - 64) || !accept({ start, end })) continue;
    out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** (b): the k-th occurrence in the source is the k-th in expected.html, when both hold it equally often. */
export function expectedSpan(source: string, target: string, s: Span): Span | null {
  const quote = source.slice(s.start, s.end);
  if (count(source, quote) !== count(target, quote)) return null;
  let k = 0;
  for (let i = source.indexOf(quote); i >= 0 && i < s.start; i = source.indexOf(quote, i + 1)) k++;
  const at = nthIndex(target, quote, k);
  return at < 0 ? null : { start: at, end: at + quote.length };
}

// No <a> or <button>: inserted inside a link they would be re-parented by the HTML parser, losing the marker.
const INSERTS = [
  '<span class="ad-label">Advertisement</span>',
  '<sup class="footnote">[12]</sup>',
  '<span class="share">Share this</span>',
  '<small>Subscribe</small>',
  '<span class="tooltip">(opens in a new window)</span>',
  '<div class="promo">Read more: How the story unfolded, in five charts</div>',
  '<aside>Sign up for our newsletter to get the best stories every morning.</aside>',
  '<img alt="" src="x.png">',
];

/** (c1) New elements just before and just after each quote, marked so the expected span can be found again. */
export function insertAround(doc: Document, spans: Span[], rand: () => number): void {
  const model = buildTextModel(doc.body);
  for (const s of [...spans].reverse()) {
    const range = offsetsToRange(model, s.start, s.end);
    for (const [where, mark] of [
      ['end', 'after'],
      ['start', 'before'],
    ] as const) {
      const holder = doc.createElement('template');
      holder.innerHTML = ` ${pick(rand, INSERTS)} `;
      const el = holder.content.children[0] as Element;
      el.setAttribute('data-bench', `${mark}-${s.start}`);
      const point = range.cloneRange();
      point.collapse(where === 'start');
      point.insertNode(holder.content);
    }
  }
}

/** The expected spans of (c1), read back from the markers in the parsed target. */
export function spansBetweenMarkers(doc: Document, spans: Span[]): (Span | null)[] {
  const model = buildTextModel(doc.body);
  return spans.map((s) => {
    const before = doc.querySelector(`[data-bench="before-${s.start}"]`);
    const after = doc.querySelector(`[data-bench="after-${s.start}"]`);
    if (!before || !after) return null;
    const r = doc.createRange();
    r.setStartAfter(before);
    r.setEndBefore(after);
    return rangeToOffsets(model, r);
  });
}

const BLOCK_SELECTOR = 'p, div, li, ul, ol, section, article, h1, h2, h3, h4, table, tr, td, blockquote, figure';

/** (c2) Re-indentation: whitespace runs collapsed or expanded, whitespace added around blocks. */
export function reindent(doc: Document, rand: () => number): void {
  const walker = doc.createTreeWalker(doc.body, 4);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const t of texts) {
    if (t.parentElement?.closest('pre, textarea, script, style')) continue;
    const mode = rand();
    t.data =
      mode < 0.4
        ? t.data.replace(/\s+/g, ' ')
        : t.data.replace(/\s+/g, () => `\n${' '.repeat(Math.floor(rand() * 12))}${rand() < 0.3 ? '\t' : ''}`);
  }
  for (const el of doc.body.querySelectorAll(BLOCK_SELECTOR)) {
    if (rand() < 0.5) el.before(doc.createTextNode(`\n${'  '.repeat(Math.floor(rand() * 6))}`));
    if (rand() < 0.5) el.after(doc.createTextNode('\n'));
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** 1–3 letter edits (substitute, insert, delete; never whitespace) inside `text`: a typo fix. */
export function typoEdits(text: string, rand: () => number): { text: string; delta: number } {
  let out = text;
  let delta = 0;
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const positions = [...out].map((c, i) => (/\S/.test(c) ? i : -1)).filter((i) => i >= 0);
    const i = pick(rand, positions);
    const kind = rand();
    if (kind < 0.5) out = out.slice(0, i) + pick(rand, [...LETTERS.replace(out[i] as string, '')]) + out.slice(i + 1);
    else if (kind < 0.75 || positions.length < 4) {
      out = out.slice(0, i) + pick(rand, [...LETTERS]) + out.slice(i);
      delta++;
    } else {
      out = out.slice(0, i) + out.slice(i + 1);
      delta--;
    }
  }
  return { text: out, delta };
}

/**
 * (c3) Typo fixes: 1–3 (`maxEdits`) letters substituted, inserted or deleted inside each quote, in the DOM text nodes that
 * hold them (never whitespace, never a whole one-letter word). Returns the spans as they are after the edits.
 */
export function editInside(doc: Document, spans: Span[], rand: () => number, maxEdits = 3): Span[] {
  const model = buildTextModel(doc.body);
  const { text } = model;
  const out: Span[] = [];
  for (const s of [...spans].reverse()) {
    const letters: number[] = [];
    for (let i = s.start; i < s.end; i++) if (text[i] !== ' ') letters.push(i);
    const chosen = new Set<number>();
    const edits = 1 + Math.floor(rand() * maxEdits);
    while (chosen.size < Math.min(edits, letters.length)) chosen.add(pick(rand, letters));
    let delta = 0;
    for (const i of [...chosen].sort((a, b) => b - a)) {
      const at = offsetsToRange(model, i, i + 1);
      const node = at.startContainer as Text;
      const off = at.startOffset;
      const kind = rand();
      const alone = (i === 0 || text[i - 1] === ' ') && (i + 1 >= text.length || text[i + 1] === ' ');
      if (kind < 0.5 || (kind >= 0.75 && alone)) {
        node.data =
          node.data.slice(0, off) +
          pick(rand, [...LETTERS.replace(node.data[off] as string, '')]) +
          node.data.slice(off + 1);
      } else if (kind < 0.75) {
        node.data = node.data.slice(0, off) + pick(rand, [...LETTERS]) + node.data.slice(off);
        delta++;
      } else {
        node.data = node.data.slice(0, off) + node.data.slice(off + 1);
        delta--;
      }
    }
    out.unshift({ start: s.start, end: s.end + delta });
  }
  // Each edit moves the notes after it: shift every span by the deltas of the spans before it.
  let shift = 0;
  return out.map((s, k) => {
    const moved = { start: s.start + shift, end: s.end + shift };
    shift += s.end - (spans[k] as Span).end;
    return moved;
  });
}

/**
 * (d) Each quote removed, and a near-identical copy (1–3 letter edits) added elsewhere as its own paragraph,
 * after a block chosen at random among those that do not hold the quote. Success is an orphan.
 */
export function plantTraps(doc: Document, spans: Span[], rand: () => number): void {
  const model = buildTextModel(doc.body);
  const blocks = [...doc.body.querySelectorAll('p, li, blockquote, h2, h3')].filter((b) => b.textContent?.trim());
  const plans = spans.map((s) => {
    const range = offsetsToRange(model, s.start, s.end);
    const elsewhere = blocks.filter((b) => !range.intersectsNode(b));
    const original = model.text.slice(s.start, s.end);
    let copy = typoEdits(original, rand).text;
    while (copy === original) copy = typoEdits(original, rand).text;
    return { range, copy, at: pick(rand, elsewhere) };
  });
  for (const p of plans.reverse()) p.range.deleteContents();
  for (const p of plans) {
    if (!p.at) continue;
    const para = doc.createElement('p');
    para.textContent = p.copy;
    p.at.after(para);
  }
}

export { count };
