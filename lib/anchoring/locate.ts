import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model/selectors';
import { prefixSimilarity, suffixSimilarity } from './context';
import { fuzzyCandidates } from './fuzzy';
import { normalizeWhitespace } from './text-model';

/** Where a note's text is now, and how we know. */
export interface Match {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

export interface LocateOptions {
  /** Give up (orphan) after this long; keeps a page responsive whatever the note. Default 25 ms. */
  maxMs?: number;
}

/** A side of the context "supports" a place when at least this share of it is found there. */
export const CONTEXT_MIN = 0.75;
/** A fuzzy quote must keep at least this share of its characters. */
export const QUOTE_MIN = 0.75;
/** Quotes this long are distinctive: found verbatim exactly once, they need no context. */
export const DISTINCTIVE_LENGTH = 32;
/** Most exact occurrences worth scoring: beyond, the quote says nothing about place on its own. */
const MAX_OCCURRENCES = 256;

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

function readQuote(q: TextQuoteSelector): Quote {
  return {
    exact: normalizeWhitespace(q.exact).trim(),
    prefix: normalizeWhitespace(q.prefix ?? '').trimStart(),
    suffix: normalizeWhitespace(q.suffix ?? '').trimEnd(),
  };
}

/** Context and position evidence for a candidate place; 0..3. */
function placeScore(text: string, q: Quote, start: number, end: number, pos?: TextPositionSelector) {
  const prefix = prefixSimilarity(text, start, q.prefix);
  const suffix = suffixSimilarity(text, end, q.suffix);
  const near = pos ? 1 - Math.min(1, Math.abs(start - pos.start) / Math.max(1, text.length)) : 0;
  return { prefix, suffix, score: prefix + suffix + near * 0.5, hasContext: Math.max(prefix, suffix) >= CONTEXT_MIN };
}

function exactOccurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i >= 0 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    out.push(i);
  }
  return out;
}

/**
 * Finds a note's text in `text` (a TextModel's text): the stored position if the quote is still there, else
 * the exact quote best placed by its context, else a fuzzy match that its context confirms. A lookalike with
 * no matching context is refused: an orphan is better than a highlight on the wrong words.
 */
export function locate(selectors: readonly Selector[], text: string, options: LocateOptions = {}): Match | null {
  const deadline = performance.now() + (options.maxMs ?? 25);
  const quoteSel = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const pos = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!quoteSel) {
    if (pos && pos.start < pos.end && pos.end <= text.length)
      return { start: pos.start, end: pos.end, method: 'position' };
    return null;
  }
  const q = readQuote(quoteSel);
  if (!q.exact) return null;
  const len = q.exact.length;

  if (
    pos &&
    text.startsWith(q.exact, pos.start) &&
    (text.endsWith(q.prefix, pos.start) || text.startsWith(q.suffix, pos.start + len))
  ) {
    return { start: pos.start, end: pos.start + len, method: 'position' };
  }

  const occurrences = exactOccurrences(text, q.exact);
  let best: { start: number; score: number; hasContext: boolean } | null = null;
  for (const start of occurrences) {
    const s = placeScore(text, q, start, start + len, pos);
    if (!best || s.score > best.score) best = { start, ...s };
    if (performance.now() > deadline) break;
  }
  if (best && (best.hasContext || (occurrences.length === 1 && len >= DISTINCTIVE_LENGTH))) {
    return { start: best.start, end: best.start + len, method: 'quote' };
  }

  let fuzzy: { start: number; end: number; score: number } | null = null;
  for (const c of fuzzyCandidates(text, q, pos, deadline)) {
    const quoteSim = 1 - c.errors / len;
    if (quoteSim < QUOTE_MIN) continue;
    const s = placeScore(text, q, c.start, c.end, pos);
    if (!s.hasContext) continue;
    const score = quoteSim * 2 + s.score;
    if (!fuzzy || score > fuzzy.score) fuzzy = { start: c.start, end: c.end, score };
  }
  return fuzzy ? { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' } : null;
}
