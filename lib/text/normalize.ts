/**
 * One normaliser for every feature that compares text (search, similarity, digest): Unicode NFKC, case folded,
 * diacritics removed. Change it here and every caller changes with it.
 */
export function normalizeText(text: string): string {
  // Plain ASCII is by far the common case and has nothing to decompose: skip the two normalisation passes.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase();
}
const ASCII = /^\p{ASCII}*$/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Runs of letters/digits; a run in a script written without spaces is handed to Intl.Segmenter. */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * Word tokens of normalised text. Scripts written without spaces (Chinese, Japanese, Thai...) are split by
 * Intl.Segmenter, like a reader would; everything else by letter/digit runs, which gives the same words
 * for spaced scripts (Latin, Cyrillic, Arabic, Greek, Hebrew, Hangul...) about 20x faster — that is what
 * lets a 100k-note search index build in seconds. Punctuation splits words: `react.js` gives `react`, `js`.
 */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalizeText(text));
}

/** `tokenize` for text that already went through `normalizeText` (saves a second normalisation). */
export function tokenizeNormalized(normalized: string, out: string[] = []): string[] {
  for (const m of normalized.matchAll(WORD_RUN)) {
    const run = m[0];
    if (!UNSPACED.test(run)) {
      out.push(run);
      continue;
    }
    for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  }
  return out;
}
