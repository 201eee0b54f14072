/**
 * One normaliser for every feature that compares text (search, similarity, digest): Unicode NFKC, case folded,
 * diacritics removed. Change it here and every caller changes with it.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Word tokens of normalised text, by Intl.Segmenter so CJK, Cyrillic and Arabic split like a reader would. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalizeText(text))) if (s.isWordLike) out.push(s.segment);
  return out;
}
