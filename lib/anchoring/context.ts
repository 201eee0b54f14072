import search from 'approx-string-match';

/**
 * How far from the quote its stored prefix/suffix may be found. Elements inserted next to a quote (a link, an
 * ad label, a button) push its context away; a few short lines' worth is still the same place.
 */
export const CONTEXT_WINDOW = 256;

/**
 * How well `prefix` matches the text just before `start`: 1 = verbatim, 0 = absent. Found anywhere within
 * CONTEXT_WINDOW before the quote, with up to half its characters wrong.
 */
export function prefixSimilarity(text: string, start: number, prefix: string): number {
  if (!prefix) return start <= CONTEXT_WINDOW ? 1 : 0;
  if (text.endsWith(prefix, start)) return 1;
  const from = Math.max(0, start - CONTEXT_WINDOW - prefix.length);
  return bestSimilarity(text.slice(from, start), prefix);
}

/** How well `suffix` matches the text just after `end` (see prefixSimilarity). */
export function suffixSimilarity(text: string, end: number, suffix: string): number {
  if (!suffix) return text.length - end <= CONTEXT_WINDOW ? 1 : 0;
  if (text.startsWith(suffix, end)) return 1;
  return bestSimilarity(text.slice(end, end + CONTEXT_WINDOW + suffix.length), suffix);
}

function bestSimilarity(window: string, pattern: string): number {
  if (!window) return 0;
  const maxErrors = Math.floor(pattern.length / 2);
  let best = maxErrors + 1;
  for (const m of search(window, pattern, maxErrors)) best = Math.min(best, m.errors);
  return best > maxErrors ? 0 : 1 - best / pattern.length;
}
