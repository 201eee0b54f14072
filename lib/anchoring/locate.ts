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

/** A place the quote may be now, with the evidence for it. */
interface Place {
  start: number;
  end: number;
  /** Edits between the stored quote and the text here (0: verbatim). */
  errors: number;
  /** Quote, context and position evidence: 0..4.5 (see placeScore). */
  score: number;
  hasContext: boolean;
  hasBothSides: boolean;
}

/** Context and position evidence for a candidate place; 0..2.5. */
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

function place(text: string, q: Quote, start: number, end: number, errors: number, pos?: TextPositionSelector): Place {
  const s = placeScore(text, q, start, end, pos);
  return { start, end, errors, ...s, score: s.score + (1 - errors / Math.max(1, q.exact.length)) * 2 };
}

function exactOccurrences(text: string, exact: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i >= 0 && out.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    out.push(i);
  }
  return out;
}

const best = (places: readonly Place[]): Place | null =>
  places.reduce<Place | null>((b, p) => (!b || p.score > b.score ? p : b), null);

/**
 * Pages repeat passages (menus, captions, pull quotes, teasers), and a note's own copy may since have been
 * edited by a letter or two while another copy still reads verbatim. Quote evidence alone then points at the
 * wrong copy; where several places hold the quote between its own context about equally well (within a typo
 * fix or two of the fewest edits), the one nearest the stored position is the note's. Overlapping candidates
 * are one place: of those, the best evidence decides the edges.
 */
function nearestOfEquals(chosen: Place, places: readonly Place[], pos: TextPositionSelector): Place {
  const pool = places.filter((p) => p.hasBothSides);
  if (pool.length < 2) return chosen;
  const fewest = Math.min(...pool.map((p) => p.errors));
  const equals = pool.filter((p) => p.errors <= fewest + TYPO_ERRORS);
  const distance = (p: Place) => Math.abs(p.start - pos.start);
  const nearest = equals.reduce((n, p) => (distance(p) < distance(n) ? p : n));
  if (chosen.start < nearest.end && chosen.end > nearest.start) return chosen;
  return best(equals.filter((p) => p.start < nearest.end && p.end > nearest.start)) ?? chosen;
}

/**
 * Finds a note's text in `text` (a TextModel's text): the stored position if the quote is still there, else
 * the exact quote best placed by its context, else a fuzzy match that its context confirms; among places about
 * equally good, the nearest to the stored position. A lookalike with no matching context is refused: an
 * orphan is better than a highlight on the wrong words.
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
  const exacts = occurrences.map((start) => place(text, q, start, start + len, 0, pos));
  const exact = best(exacts);
  const isNear = (start: number) => !pos || Math.abs(start - pos.start) <= nearDistance(len);
  // A changed quote is accepted only between its own context: both sides found around it. A lookalike
  // elsewhere can sit next to one side of where the quote was, never between both. An edited quote at the
  // stored place also beats an identical one far away (pages that repeat a passage).
  // A verbatim quote found once, with its context on one side, is the common case on a restructured page:
  // only an edited copy at the stored place could beat it, so the page-wide search for one is skipped.
  const onlyNear = exact !== null && (exact.hasBothSides || (exact.hasContext && occurrences.length === 1));
  // Typo fixes first: few allowed errors mean few approximate matches to place and score. Only when none is
  // confirmed by its context does the search allow the full budget of edits. A verbatim quote between its
  // context near the stored place leaves only a typo-fixed copy nearer still to look for.
  const limits = exact?.hasBothSides && isNear(exact.start) ? [TYPO_ERRORS] : [TYPO_ERRORS, Infinity];
  const fuzzies: Place[] = [];
  for (const limit of limits) {
    for (const c of fuzzyCandidates(text, q, pos, deadline, onlyNear, limit)) {
      if (c.errors === 0) continue; // verbatim: already among the exact occurrences
      const p = place(text, q, c.start, c.end, c.errors, pos);
      if (p.hasBothSides) fuzzies.push(p);
    }
    if (fuzzies.length || maxQuoteErrors(len) <= TYPO_ERRORS) break;
  }
  const fuzzy = best(fuzzies);
  let chosen: Place | null = null;
  if (fuzzy && (!exact || fuzzy.score > exact.score)) chosen = fuzzy;
  else if (exact && (exact.hasContext || (occurrences.length === 1 && len >= DISTINCTIVE_LENGTH))) chosen = exact;
  if (chosen?.hasBothSides && pos) chosen = nearestOfEquals(chosen, [...exacts, ...fuzzies], pos);
  if (!chosen) return null;
  if (chosen.errors === 0) return { start: chosen.start, end: chosen.end, method: 'quote' };
  return { ...snapToContext(text, q, chosen.start, chosen.end, chosen.errors + 1), method: 'fuzzy' };
}
