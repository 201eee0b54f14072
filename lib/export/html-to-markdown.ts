import createDOMPurify from 'dompurify';
import TurndownService from 'turndown';

/** The tags harvested rich text may keep: structure and emphasis, never scripts, styles, forms or frames. */
const ALLOWED_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'i',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'span',
  'div',
  'del',
];

/** Anything with a DOM: the page's window in a browser, a jsdom window in Node. */
export type DomWindow = Parameters<typeof createDOMPurify>[0];

/**
 * Harvested HTML → Markdown. The HTML came from a page, so it is sanitised first (DOMPurify: no scripts,
 * handlers, javascript: links or images that phone home), then converted by turndown.
 */
export function htmlToMarkdown(html: string, window: DomWindow): string {
  const purify = createDOMPurify(window);
  const clean = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'class'],
    ALLOWED_URI_REGEXP: /^https?:/i,
  });
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', emDelimiter: '*' });
  return turndown.turndown(String(clean)).trim();
}
