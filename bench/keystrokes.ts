/**
 * Per keystroke: keydown → the first result list shown for that query or a later one (a later one means the
 * answer to this keystroke was overtaken, which is by design; the user waited until then all the same).
 * Queries compare trimmed, as the popup searches them: a space after a word, when the list on screen already
 * answers that word, is answered at once (0); the popup asks nothing new for it.
 */
export function keystrokeLatencies(query: string, keys: number[], shown: { query: string; at: number }[]): number[] {
  return keys.map((k, i) => {
    const now = query.slice(0, i + 1).trim();
    const onScreen = shown.filter((s) => s.at < k).at(-1);
    if (i > 0 && onScreen?.query.trim() === now) return 0;
    const later = new Set(Array.from({ length: query.length - i }, (_, j) => query.slice(0, i + 1 + j).trim()));
    return (shown.find((s) => s.at >= k && later.has(s.query.trim()))?.at ?? NaN) - k;
  });
}
