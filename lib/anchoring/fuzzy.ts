import search from 'approx-string-match';
import type { TextPositionSelector } from '../model/selectors';
import { CONTEXT_WINDOW } from './context';

export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Edits a changed quote may carry and still be "clearly" the same words: a few typo fixes plus a word in ten.
 * Short quotes still get 2–3 (a quarter of their length at most).
 */
export function maxQuoteErrors(length: number): number {
  return Math.min(Math.floor(length / 4), 2 + Math.floor(length / 10));
}
/** Share of a 32-char context that may be wrong where it still supports a place (1 - CONTEXT_MIN). */
const CONTEXT_ERRORS = 0.15;
/**
 * Longer quotes (a few hundred words) are matched exactly only: approximate search costs grow with length
 * times text, and one window could outlast the whole time budget.
 */
export const MAX_FUZZY_LENGTH = 2000;
/** Context hits followed up: enough for repeated boilerplate, bounded for pathological pages. */
const MAX_HITS = 32;

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Start/end of the places the context (prefix, suffix) still appears: where a fuzzy quote could be confirmed. */
function contextHits(text: string, pattern: string): { start: number; end: number }[] {
  if (pattern.length < 8) return [];
  const exact: { start: number; end: number }[] = [];
  for (let i = text.indexOf(pattern); i >= 0 && exact.length < MAX_HITS; i = text.indexOf(pattern, i + 1)) {
    exact.push({ start: i, end: i + pattern.length });
  }
  if (exact.length) return exact;
  return search(text, pattern, Math.floor(pattern.length * CONTEXT_ERRORS)).slice(0, MAX_HITS);
}

/** How far from its stored position a quote still counts as "in place". */
export function nearDistance(length: number): number {
  return length + maxQuoteErrors(length) + CONTEXT_WINDOW;
}

/**
 * Approximate matches of the quote, searched only where a match could be accepted: near the stored position
 * and near where its prefix or suffix still appear. Searching the whole page would cost more and could only
 * find lookalikes that the context check refuses anyway. Stops at `deadline` (performance.now()).
 */
export function* fuzzyCandidates(
  text: string,
  q: Quote,
  pos: TextPositionSelector | undefined,
  deadline: number,
  onlyNearPosition = false,
  errorLimit = Infinity,
): Generator<Candidate> {
  const len = q.exact.length;
  if (len > MAX_FUZZY_LENGTH) return;
  const maxErrors = Math.min(errorLimit, maxQuoteErrors(len));
  const reach = nearDistance(len);
  const windows: [number, number][] = [];
  if (pos) windows.push([pos.start - reach, pos.start + reach]);
  if (!onlyNearPosition) {
    for (const h of contextHits(text, q.prefix)) windows.push([h.end, h.end + reach]);
    for (const h of contextHits(text, q.suffix)) windows.push([h.start - reach, h.start]);
  }
  const seen = new Set<string>();
  for (const [a, b] of windows) {
    const from = Math.max(0, a);
    for (const m of allMatches(text.slice(from, Math.max(from, b)), q.exact, maxErrors)) {
      const c = { start: m.start + from, end: m.end + from, errors: m.errors };
      const key = `${c.start}:${c.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield c;
    }
    if (performance.now() > deadline) return;
  }
}

/** Places with fewer edits masked per pass; a few passes reach a typo-fixed copy behind verbatim ones. */
const MAX_PASSES = 4;
/**
 * NUL: the HTML parser never leaves one in a page's text. Built at run time: a literal noncharacter such as
 * U+FFFF in the bundle makes Chromium refuse the content script as "not UTF-8 encoded".
 */
const MASK = String.fromCharCode(0);

/**
 * approx-string-match reports only the matches with the fewest edits in the text it is given. On a page that
 * repeats a passage, a verbatim copy near the stored position would hide the note's own copy, edited by a
 * letter: so each pass masks what it found and searches again for the next-best places.
 */
function* allMatches(window: string, pattern: string, maxErrors: number): Generator<Candidate> {
  let text = window;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const matches = search(text, pattern, maxErrors);
    if (!matches.length) return;
    yield* matches;
    for (const m of matches) text = text.slice(0, m.start) + MASK.repeat(m.end - m.start) + text.slice(m.end);
  }
}
