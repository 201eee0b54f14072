import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model/selectors';
import { prefixSimilarity, snapToContext, suffixSimilarity } from './context';
import { fuzzyCandidates, maxQuoteErrors, nearDistance } from './fuzzy';
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

/** A side of the context "supports" a place when it is found nearly intact there (a typo or two). */
export const CONTEXT_MIN = 0.85;
/** Quotes this long are distinctive: found verbatim exactly once, they need no context. */
export const DISTINCTIVE_LENGTH = 32;
/** Edits tried before the full budget: a typo fix or two (most changed quotes). */
const TYPO_ERRORS = 3;
/** Most exact occurrences scored (each costs a small window search), so this phase needs no deadline. */
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
  return {
    score: prefix + suffix + near * 0.5,
    hasContext: Math.max(prefix, suffix) >= CONTEXT_MIN,
    hasBothSides: Math.min(prefix, suffix) >= CONTEXT_MIN,
  };
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

  let exact: { start: number; score: number; hasContext: boolean; hasBothSides: boolean } | null = null;
  const occurrences = exactOccurrences(text, q.exact);
  for (const start of occurrences) {
    const s = placeScore(text, q, start, start + len, pos);
    if (!exact || s.score + 2 > exact.score) exact = { start, ...s, score: s.score + 2 };
  }
  const isNear = (start: number) => !pos || Math.abs(start - pos.start) <= nearDistance(len);
  if (exact?.hasBothSides && isNear(exact.start))
    return { start: exact.start, end: exact.start + len, method: 'quote' };

  // A changed quote is accepted only between its own context: both sides found around it. A lookalike
  // elsewhere can sit next to one side of where the quote was, never between both. An edited quote at the
  // stored place also beats an identical one far away (pages that repeat a passage).
  // A verbatim quote found once, with its context on one side, is the common case on a restructured page:
  // only an edited copy at the stored place could beat it, so the page-wide search for one is skipped.
  const onlyNear = exact !== null && (exact.hasBothSides || (exact.hasContext && occurrences.length === 1));
  // Typo fixes first: few allowed errors mean few approximate matches to place and score. Only when none is
  // confirmed by its context does the search allow the full budget of edits.
  let fuzzy: { start: number; end: number; errors: number; score: number } | null = null;
  for (const limit of [TYPO_ERRORS, Infinity]) {
    for (const c of fuzzyCandidates(text, q, pos, deadline, onlyNear, limit)) {
      const s = placeScore(text, q, c.start, c.end, pos);
      if (!s.hasBothSides) continue;
      const score = (1 - c.errors / len) * 2 + s.score;
      if (!fuzzy || score > fuzzy.score) fuzzy = { ...c, score };
    }
    if (fuzzy || maxQuoteErrors(len) <= TYPO_ERRORS) break;
  }
  if (fuzzy && fuzzy.errors > 0 && (!exact || fuzzy.score > exact.score)) {
    return { ...snapToContext(text, q, fuzzy.start, fuzzy.end, fuzzy.errors + 1), method: 'fuzzy' };
  }
  if (exact && (exact.hasContext || (occurrences.length === 1 && len >= DISTINCTIVE_LENGTH))) {
    return { start: exact.start, end: exact.start + len, method: 'quote' };
  }
  return null;
}
