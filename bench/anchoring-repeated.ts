/**
 * (c4) Repeated passages: a quote taken on one copy of a passage the page repeats (navigation and footer
 * links, a pull quote, a caption, the same sentence in a teaser), then 1–2 letters of that copy edited. The
 * note must land on its own, edited copy, not on a verbatim copy elsewhere. Shared by bench:anchoring and
 * the floor test (tests/unit/anchoring-repeated.test.ts).
 */
import { buildTextModel, offsetsToRange, type TextModel } from '../lib/anchoring';
import { describeOffsets } from '../lib/anchoring/describe';
import type { Selector } from '../lib/model/selectors';
import { count, editInside, parse, type Span } from './anchoring-cases';

/** Shortest repeated passage taken: shorter ones are single words and menu labels, not something one harvests. */
const MIN_CHARS = 16;
const MIN_WORDS = 3;
const MAX_WORDS = 30;
/** Notes are kept this far apart (twice the stored context): one note's edit never touches another's context. */
const GAP = 64;

function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) starts.push(i);
  return starts;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Up to `n` spans of passages that occur at least twice in the page's text, one per passage, each on a copy
 * chosen at random; no span (nor any other copy of its passage) within GAP of another note's copies.
 */
export function repeatedPassages(model: TextModel, n: number, rand: () => number): Span[] {
  const { text } = model;
  const starts = wordStarts(text);
  const wordEnd = (w: number) => (w + 1 < starts.length ? (starts[w + 1] as number) - 1 : text.length);
  // Seeds: three-word shingles seen more than once, in a seeded order.
  const seen = new Map<string, number[]>();
  for (let w = 0; w + 2 < starts.length; w++) {
    const key = text.slice(starts[w], wordEnd(w + 2));
    const list = seen.get(key);
    if (list) list.push(w);
    else seen.set(key, [w]);
  }
  const seeds = [...seen.values()].filter((ws) => ws.length > 1).map((ws) => ws[Math.floor(rand() * ws.length)]);
  for (let i = seeds.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [seeds[i], seeds[j]] = [seeds[j] as number, seeds[i] as number];
  }
  const blocked: Span[] = [];
  const out: Span[] = [];
  const taken = new Set<string>();
  for (const w of seeds as number[]) {
    if (out.length >= n) break;
    // The longest run of words from w that still repeats, then a random length within it.
    let words = MIN_WORDS;
    while (words < MAX_WORDS && w + words < starts.length) {
      if (count(text, text.slice(starts[w], wordEnd(w + words))) < 2) break;
      words++;
    }
    words = MIN_WORDS + Math.floor(rand() * (words - MIN_WORDS + 1));
    const start = starts[w] as number;
    const end = wordEnd(w + words - 1);
    const quote = text.slice(start, end);
    if (quote.length < MIN_CHARS || taken.has(quote) || !/\p{L}/u.test(quote)) continue;
    const copies = occurrences(text, quote).map((s) => ({ start: s, end: s + quote.length }));
    if (copies.length < 2 || copies.some((c) => blocked.some((b) => c.start < b.end + GAP && c.end > b.start - GAP)))
      continue;
    taken.add(quote);
    blocked.push(...copies);
    out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface RepeatedCase {
  /** The page with each note's own copy edited (parsed once: anchor in it, or serialise it for the reference). */
  doc: Document;
  spans: Span[];
  /** Where each note must land in `doc`'s text (its edited copy). */
  expected: Span[];
  selectors: Selector[][];
}

/** The (c4) case for one page: notes described on `sourceHtml`, then their copies edited by 1–2 letters. */
export function repeatedPassageCase(sourceHtml: string, n: number, rand: () => number): RepeatedCase {
  const doc = parse(sourceHtml);
  const model = buildTextModel(doc.body);
  const spans = repeatedPassages(model, n, rand);
  const selectors = spans.map((s) => describeOffsets(model, offsetsToRange(model, s.start, s.end)));
  const expected = editInside(doc, spans, rand, 2);
  return { doc, spans, expected, selectors };
}
