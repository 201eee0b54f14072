import { describe, expect, it } from 'vitest';
import { extensionOrigins, FRAMED_PAGES, isFromExtensionPage } from './sender';

describe('who may send privileged messages', () => {
  // As Chrome answers runtime.getURL with use_dynamic_url: framed pages at a per-session origin, the rest fixed.
  const getURL = (p: string) =>
    FRAMED_PAGES.includes(p.slice(1))
      ? `chrome-extension://5d3c7a4e-1111-4222-8333-944455556666${p}`
      : `chrome-extension://abcdefghijklmnopabcdefghijklmnop${p}`;
  const origins = extensionOrigins(getURL, FRAMED_PAGES);

  it('accepts our pages at either origin, and nothing a content script (a web page) sends', () => {
    expect(
      isFromExtensionPage({ url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' }, origins),
    ).toBe(true);
    expect(
      isFromExtensionPage(
        { url: 'chrome-extension://5d3c7a4e-1111-4222-8333-944455556666/highlight-card.html?code=x' },
        origins,
      ),
    ).toBe(true);
    expect(isFromExtensionPage({ url: 'http://127.0.0.1:8080/spoof.html', tab: {} }, origins)).toBe(false);
    expect(isFromExtensionPage({ url: 'chrome-extension://otherextensionidotherextension/x.html' }, origins)).toBe(
      false,
    );
    expect(isFromExtensionPage({}, origins)).toBe(false);
    expect(isFromExtensionPage({ url: 'not a url' }, origins)).toBe(false);
  });
});
