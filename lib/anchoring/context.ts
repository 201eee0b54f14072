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

/**
 * Fewest edits turning `pattern` into some substring of `text` (Sellers' dynamic programme, O(|text|·|pattern|)),
 * or Infinity once every alignment exceeds `maxErrors`. approx-string-match answers the same question but
 * also finds where every match starts; with half a context's characters allowed wrong nearly every position
 * matches, and those starts cost far more than the distance itself.
 */
export function minSubstringDistance(text: string, pattern: string, maxErrors: number): number {
  if (pattern.length === 0) return 0;
  if (pattern.length <= 32) {
    const d = myersMinDistance(text, pattern);
    return d > maxErrors ? Infinity : d;
  }
  const n = text.length;
  let prev = new Int32Array(n + 1); // the empty pattern fits anywhere for free
  let cur = new Int32Array(n + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const c = pattern.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const sub = (prev[j - 1] as number) + (text.charCodeAt(j - 1) === c ? 0 : 1);
      const v = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > maxErrors) return Infinity;
    [prev, cur] = [cur, prev];
  }
  let best = Infinity;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j] as number);
  return best;
}

/**
 * Myers' bit-parallel edit distance (1999), searching form: one pass over the text with the pattern's DP
 * column in two 32-bit words. Stored contexts are 32 characters, so this is the path every note takes.
 */
function myersMinDistance(text: string, pattern: string): number {
  const m = pattern.length;
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  let pv = m === 32 ? -1 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph <<= 1; // a match may start anywhere in the text: the top row stays 0
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

function bestSimilarity(window: string, pattern: string): number {
  if (!window) return 0;
  const maxErrors = Math.floor(pattern.length / 2);
  const best = minSubstringDistance(window, pattern, maxErrors);
  return best > maxErrors ? 0 : 1 - best / pattern.length;
}

/** The best approximate occurrence of `pattern` in `text` near `at`: errors first, then distance to `at`. */
function nearest(text: string, pattern: string, at: number, slack: number, edge: 'start' | 'end'): number | null {
  const from = Math.max(0, at - slack - (edge === 'end' ? pattern.length : 0));
  const to = Math.min(text.length, at + slack + (edge === 'start' ? pattern.length : 0));
  let best: { pos: number; errors: number } | null = null;
  for (const m of search(text.slice(from, to), pattern, Math.floor(pattern.length / 4))) {
    const pos = from + (edge === 'end' ? m.end : m.start);
    if (Math.abs(pos - at) > slack) continue;
    if (!best || m.errors < best.errors || (m.errors === best.errors && Math.abs(pos - at) < Math.abs(best.pos - at))) {
      best = { pos, errors: m.errors };
    }
  }
  return best?.pos ?? null;
}

/**
 * A fuzzy match's edges are uncertain by its error count; where the stored prefix and suffix sit within that
 * slack, the quote is exactly the text between them.
 */
export function snapToContext(
  text: string,
  q: { prefix: string; suffix: string },
  start: number,
  end: number,
  slack: number,
): { start: number; end: number } {
  let s = q.prefix ? (nearest(text, q.prefix, start, slack, 'end') ?? start) : start;
  let e = q.suffix ? (nearest(text, q.suffix, end, slack, 'start') ?? end) : end;
  if (e <= s) return { start, end };
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return { start: s, end: e };
}
