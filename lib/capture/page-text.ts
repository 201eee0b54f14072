/**
 * A page's text, as every store accepts it. The text rule (lib/model/text.ts) refuses NUL and lone surrogates
 * because PostgreSQL, JSON and IndexedDB keys choke on them; but a harvest's quote, context, chat fields and
 * HTML are the page's words, and a page that hides a NUL or half a surrogate pair next to a sentence must not be
 * able to make that sentence unharvestable. So page-derived strings are cleaned, never refused: NUL (never shown)
 * is dropped, and a lone surrogate becomes U+FFFD, the replacement character the browser shows for it.
 */
export function toReaderText(s: string): string {
  const kept = s.includes('\u0000') ? s.replaceAll('\u0000', '') : s;
  return kept.isWellFormed() ? kept : kept.toWellFormed();
}

/** `value` with every string in it (in plain objects and arrays, at any depth) passed through toReaderText. */
export function toReaderStrings<T>(value: T): T {
  if (typeof value === 'string') return toReaderText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => toReaderStrings(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toReaderStrings(v);
    return out as T;
  }
  return value;
}
