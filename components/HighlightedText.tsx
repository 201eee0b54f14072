/** Text with the given [start, end] (inclusive) ranges marked. Renders text only: never HTML. */
export function HighlightedText({ text, ranges }: { text: string; ranges?: readonly (readonly [number, number])[] }) {
  if (!ranges?.length) return <>{text}</>;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: React.ReactNode[] = [];
  let at = 0;
  sorted.forEach(([s, e], i) => {
    if (e < at) return;
    const start = Math.max(s, at);
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, e + 1)}</mark>);
    at = e + 1;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
