import type { Note, RangeSelector, Selector } from '../model';

/** A selector as the W3C Web Annotation Data Model shapes it (§4.2), for readers that know only the standard. */
export type W3cSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: 'XPathSelector'; value: string; refinedBy?: W3cSelector }
  | { type: 'FragmentSelector' | 'CssSelector'; value: string; conformsTo?: string }
  | { type: 'RangeSelector'; startSelector: W3cSelector; endSelector: W3cSelector };

export interface W3cSpecificResource {
  type: 'SpecificResource';
  source: string;
  selector: W3cSelector[];
  state: { type: 'TimeState'; sourceDate: string };
}

/**
 * The page a note is about, as a W3C target: a SpecificResource with the note's selectors in W3C shape when it
 * has any usable one (and always a TextQuoteSelector when it has a quote, derived from the quote if the note
 * stored none), otherwise the page's IRI alone. The TimeState says when the selectors were true of the page.
 */
export function w3cTarget(note: Note): string | W3cSpecificResource {
  const source = pageIri(note.page.url);
  const selector = note.selectors.flatMap(w3cSelector);
  if (note.quote && !selector.some((s) => s.type === 'TextQuoteSelector'))
    selector.unshift({ type: 'TextQuoteSelector', exact: note.quote });
  if (!selector.length) return source;
  const sourceDate = new Date(note.createdAt).toISOString();
  return { type: 'SpecificResource', source, selector, state: { type: 'TimeState', sourceDate } };
}

/**
 * The page's URL as an IRI. The URL parser escapes spaces, quotes and non-ASCII, but leaves a few characters
 * RFC 3986 forbids (`|`, `^`, `[`, a `%` not starting an escape) in the path, query and fragment: those are
 * escaped here. Most stored URLs need none of it, and parsing every one is the export's costliest step.
 */
export function pageIri(url: string): string {
  if (IRI_SAFE.test(url)) return url;
  const u = new URL(url);
  const rest = u.pathname + u.search + u.hash;
  const escaped = rest.replace(/%(?![0-9a-f]{2})|[^!#$%&'()*+,\-./0-9:;=?@A-Z_a-z~]/gi, (c) => encodeURIComponent(c));
  return u.href.slice(0, u.href.length - rest.length) + escaped;
}
const IRI_SAFE = /^https?:\/\/[a-z0-9.-]+(?::[0-9]+)?(?:[/?#](?:[!#$&'()*+,\-./0-9:;=?@A-Z_a-z~]|%[0-9a-f]{2})*)?$/i;

/** One stored selector → its W3C shape, or nothing when it cannot be expressed usefully. */
export function w3cSelector(s: Selector): W3cSelector[] {
  switch (s.type) {
    case 'TextQuoteSelector':
      return s.exact ? [s] : [];
    case 'TextPositionSelector':
      return s.end >= s.start ? [s] : [];
    case 'RangeSelector':
      return w3cRange(s);
    default:
      return valueSelector(s);
  }
}

/**
 * Selectors already in W3C shape that the model may come to store (a FragmentSelector from an import, say) pass
 * through when they have their one required `value`; anything else stays in `cp:note` only.
 */
function valueSelector(s: unknown): W3cSelector[] {
  const o = s as { type?: unknown; value?: unknown; conformsTo?: unknown };
  if ((o.type !== 'FragmentSelector' && o.type !== 'CssSelector') || typeof o.value !== 'string') return [];
  const conformsTo = typeof o.conformsTo === 'string' && /^https?:\/\/\S+$/.test(o.conformsTo) ? o.conformsTo : null;
  return [{ type: o.type, value: o.value, ...(conformsTo ? { conformsTo } : {}) }];
}

/**
 * Our RangeSelectors come from Hypothesis (its `startContainer`/`startOffset` shape): each container is an
 * XPath relative to the page's `<body>` made of `/tag[n]` steps, each offset a character offset in that
 * element's text. In W3C shape (§4.2.8, refinement §4.2.9) that is a RangeSelector from one point to another,
 * each point an XPathSelector of the element from the document root, refined by a zero-length
 * TextPositionSelector at the offset: the range runs from the start of startSelector's selection to the start
 * of endSelector's. A path in any other form is dropped (the quote and position selectors still place the note).
 */
export function w3cRange(s: RangeSelector): W3cSelector[] {
  const start = pointSelector(s.startContainer, s.startOffset);
  const end = pointSelector(s.endContainer, s.endOffset);
  return start && end ? [{ type: 'RangeSelector', startSelector: start, endSelector: end }] : [];
}

const STEPS = /^(\/[a-z][a-z0-9-]*\[[1-9][0-9]*\])*$/i;

function pointSelector(container: string, offset: number): W3cSelector | undefined {
  if (!STEPS.test(container)) return undefined;
  return {
    type: 'XPathSelector',
    value: `/html[1]/body[1]${container}`,
    refinedBy: { type: 'TextPositionSelector', start: offset, end: offset },
  };
}
