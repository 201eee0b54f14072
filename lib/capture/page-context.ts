import { Readability } from '@mozilla/readability';
import { stripTracking, webUrl, type PageContext } from '../model';

const clamp = (s: string | null | undefined, max: number): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : undefined;
};

const meta = (doc: Document, ...selectors: string[]): string | undefined => {
  for (const sel of selectors) {
    const v = doc.querySelector<HTMLMetaElement>(sel)?.content;
    if (v?.trim()) return v;
  }
  return undefined;
};

/**
 * What a note remembers about the page it came from. Readability mutates the document it reads, so it runs on
 * a clone; a page with no article still gets a title and a canonical URL from its head.
 */
export function extractPageContext(doc: Document, url: string): PageContext {
  const canonical =
    webUrl(doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i]')?.getAttribute('href'), url) ??
    webUrl(meta(doc, 'meta[property="og:url"]', 'meta[name="og:url"]'), url);

  const article = readArticle(doc);

  const title =
    clamp(article?.title, 1000) ??
    clamp(doc.title, 1000) ??
    clamp(meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]'), 1000) ??
    new URL(url).hostname;

  return {
    url: stripFragment(url),
    canonicalUrl: stripTracking(canonical ?? url),
    title,
    byline: clamp(article?.byline, 500) ?? clamp(meta(doc, 'meta[name="author"]'), 500),
    siteName: clamp(article?.siteName, 500) ?? clamp(meta(doc, 'meta[property="og:site_name"]'), 500),
    excerpt:
      clamp(article?.excerpt, 5000) ??
      clamp(meta(doc, 'meta[name="description"]', 'meta[property="og:description"]'), 5000),
    lang: clamp(article?.lang ?? doc.documentElement.getAttribute('lang'), 35),
    publishedTime:
      clamp(article?.publishedTime, 100) ?? clamp(meta(doc, 'meta[property="article:published_time"]'), 100),
  };
}

/** Readability's reading of a clone of the document; null where it finds no article or gives up. */
function readArticle(doc: Document): ReturnType<Readability['parse']> {
  try {
    return new Readability(doc.cloneNode(true) as Document, { serializer: () => '' }).parse();
  } catch {
    return null; // the head still tells us enough
  }
}

function stripFragment(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.toString();
}
