/**
 * How people re-harvest the same passage: a slightly different selection, other casing and punctuation, a
 * few words left out. Deterministic for a given random source.
 */
export function perturb(sentence: string, rand: () => number): string {
  let words = sentence.split(' ');
  const dropStart = Math.floor(rand() * 3);
  const dropEnd = Math.floor(rand() * 3);
  if (words.length - dropStart - dropEnd >= 6) words = words.slice(dropStart, words.length - dropEnd);
  words = words.filter(() => rand() > 0.12);
  const text = words.join(' ');
  const r = rand();
  return r < 0.3 ? text.toUpperCase() : r < 0.6 ? text.replace(/[.,;:!?]/g, '') : text;
}
