/** Characters the text-fragment syntax reserves must be percent-encoded inside its terms. */
const encodeTerm = (s: string) =>
  encodeURIComponent(s).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A link that scrolls to and highlights the quote (https://wicg.github.io/scroll-to-text-fragment/): short
 * quotes whole, long ones as `textStart,textEnd` so the URL stays short and still matches.
 */
export function textFragmentUrl(url: string, quote: string, edgeWords = 4): string {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return url;
  const directive =
    words.length <= edgeWords * 2
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, edgeWords).join(' '))},${encodeTerm(words.slice(-edgeWords).join(' '))}`;
  const base = url.replace(/:~:.*$/, '');
  return `${base}${base.includes('#') ? '' : '#'}:~:text=${directive}`;
}
