/**
 * The reference client's approach (Hypothesis before approx-string-match): a TextPositionSelector checked
 * against the quote, then dom-anchor-text-quote's diff-match-patch search hinted by the position. Both work
 * on raw `textContent`, which is the point of comparison.
 */
import * as textPosition from 'dom-anchor-text-position';
import * as textQuote from 'dom-anchor-text-quote';

export interface RefSelectors {
  quote: { exact: string; prefix?: string; suffix?: string };
  position: { start: number; end: number };
}

export function refDescribe(root: Element, range: Range): RefSelectors {
  return { quote: textQuote.fromRange(root, range), position: textPosition.fromRange(root, range) };
}

export function refAnchor(root: Element, s: RefSelectors): Range | null {
  try {
    const byPosition = textPosition.toRange(root, s.position);
    if (byPosition.toString() === s.quote.exact) return byPosition;
  } catch {
    // The page got shorter: fall through to the quote.
  }
  try {
    return textQuote.toRange(root, s.quote, { hint: s.position.start });
  } catch {
    return null;
  }
}
