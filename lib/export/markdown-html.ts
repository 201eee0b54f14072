import createDOMPurify from 'dompurify';
import { Marked } from 'marked';
import type { DomWindow } from './html-to-markdown';

/** What a rendered wiki page may contain: text structure and web links; no images (they would phone home). */
const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'a',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

// One parser, GitHub-flavoured like the places a wiki page is pasted into; raw HTML in the Markdown is escaped
// by the sanitiser below, never trusted.
const marked = new Marked({ gfm: true, breaks: false, async: false });

/**
 * A wiki page's Markdown as the HTML it will read as, safe to put into an extension page: notes come from other
 * members and from web pages, so the output is sanitised (DOMPurify: only the tags above, http(s) links only,
 * opened in a new tab without an opener).
 */
export function markdownToSafeHtml(markdown: string, window: DomWindow): string {
  const html = marked.parse(markdown) as string;
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return String(
    purify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: ['href', 'title', 'target', 'rel', 'class'],
      ALLOWED_URI_REGEXP: /^https?:/i,
    }),
  );
}
