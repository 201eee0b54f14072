// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { anchorSelectors, describeRange } from './index';

function rangeOf(root: Element, needle: string): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(needle);
    if (i >= 0) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      return r;
    }
  }
  throw new Error(`not found: ${needle}`);
}

describe('describeRange / anchorSelectors round trip', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = `<article>
      <h1>Title</h1>
      <p>The quick brown fox jumps over the lazy dog.</p>
      <p>Second paragraph with <b>bold words</b> and a tail.</p>
    </article>`;
    root = document.body;
  });

  it('describes a range as a quote with context and a position', () => {
    const selectors = describeRange(rangeOf(root, 'brown fox'), root);
    expect(JSON.stringify(selectors)).toBe(
      JSON.stringify([
        {
          type: 'TextQuoteSelector',
          exact: 'brown fox',
          prefix: 'Title The quick ',
          suffix: ' jumps over the lazy dog. Second',
        },
        { type: 'TextPositionSelector', start: 16, end: 25 },
      ]),
    );
  });

  it('anchors back to the same text, across element boundaries', () => {
    const r = document.createRange();
    const start = rangeOf(root, 'with');
    r.setStart(start.startContainer, start.startOffset);
    r.setEnd(rangeOf(root, 'bold').startContainer, 4);
    expect(r.toString()).toBe('with bold');
    const anchored = anchorSelectors(describeRange(r, root), root);
    expect(anchored?.toString()).toBe('with bold');
  });

  it('returns null when the quote is gone', () => {
    const selectors = describeRange(rangeOf(root, 'lazy dog'), root);
    root.querySelector('p')!.textContent = 'Entirely different words now.';
    expect(anchorSelectors(selectors, root)).toBeNull();
  });

  it('describes ranges whose boundaries are elements, not text nodes', () => {
    const r = document.createRange();
    r.selectNodeContents(root.querySelector('b')!);
    expect(describeRange(r, root)[0]).toMatchObject({ exact: 'bold words' });
    r.selectNode(root.querySelectorAll('p')[1]!);
    expect(describeRange(r, root)[0]).toMatchObject({ exact: 'Second paragraph with bold words and a tail.' });
  });

  it('describes nothing for an empty range or one outside the root', () => {
    const empty = document.createRange();
    empty.setStart(root.querySelector('p')!.firstChild!, 3);
    expect(describeRange(empty, root)).toEqual([]);
    const outside = document.createElement('div');
    outside.textContent = 'detached';
    const r = document.createRange();
    r.selectNodeContents(outside);
    expect(describeRange(r, root)).toEqual([]);
  });

  it('anchors again after the page is re-indented and wrapped in new elements', () => {
    const selectors = describeRange(rangeOf(root, 'jumps over the lazy'), root);
    document.body.innerHTML = `<main><div><article>\n\n  <h1>Title</h1>\n  <p>The quick brown fox
        jumps   over the <span>lazy</span> dog.</p><p>Second paragraph with <b>bold words</b> and a tail.</p></article></div></main>`;
    expect(anchorSelectors(selectors, document.body)?.toString().replace(/\s+/g, ' ')).toBe('jumps over the lazy');
  });
});
