import type { Plugin } from 'vite';

/**
 * Inlines the small stylesheets of the extension's pages into their HTML as `<style>`: a `<link>` is one more
 * request to the extension's file loader, and the page's module script waits for every stylesheet before it
 * runs. Measured on the popup: its script ran 25 ms sooner and painted 30 ms sooner (131 → 106 ms, FCP 176 →
 * 144, median of 7). Extension pages' CSP restricts scripts, not styles. Stylesheets that reference other
 * files (`url(...)`, relative to the stylesheet) or are large stay linked.
 */
export function inlinePageCss(maxBytes = 16_384): Plugin {
  return {
    name: 'commonplace:inline-page-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        const html = String(page.source);
        page.source = html.replace(
          /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
          (link, file: string) => {
            const css = bundle[file];
            if (css?.type !== 'asset') return link;
            const text = String(css.source);
            return text.length > maxBytes || text.includes('url(') || text.includes('</style')
              ? link
              : `<style>${text}</style>`;
          },
        );
      }
    },
  };
}
