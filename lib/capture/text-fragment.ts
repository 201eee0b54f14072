/**
 * A URL text fragment (`#:~:text=`) for a quote: the browser scrolls to and marks it even where our own
 * anchoring can't run. Long quotes use the start,end form so the URL stays short.
 */
export function textFragmentUrl(url: string, quote: string): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  const u = new URL(url);
  if (!text) return u.toString();
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const words = text.split(' ');
  const directive =
    words.length > 10 ? `${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}` : enc(text);
  u.hash = `:~:text=${directive}`;
  return u.toString();
}
