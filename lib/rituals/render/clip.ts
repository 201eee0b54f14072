/** Cuts `s` to at most `max` UTF-16 units, ending in "…" when cut (never splitting a surrogate pair). */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/** Member text on one line: a line break in a name or title must not start a new list item or paragraph. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ');
