// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPainter } from './index';

// jsdom has no layout: give each range one rect per text node it touches, 10px tall rows by paragraph index.
function rectsOf(range: Range): DOMRect[] {
  const paragraphs = [...document.querySelectorAll('p')];
  const p = paragraphs.findIndex((el) => range.intersectsNode(el));
  const width = range.toString().length * 5;
  return [new DOMRect(10, p * 10, width, 10)];
}

describe('overlay painter (no Highlight API)', () => {
  const originalRects = Range.prototype.getClientRects;
  beforeEach(() => {
    document.body.innerHTML = '<p>alpha beta gamma</p><p>delta epsilon</p>';
    Range.prototype.getClientRects = function (this: Range) {
      return rectsOf(this) as unknown as DOMRectList;
    };
  });
  afterEach(() => {
    Range.prototype.getClientRects = originalRects;
  });

  function rangeOf(p: number, from: number, to: number): Range {
    const r = document.createRange();
    const text = document.querySelectorAll('p')[p]!.firstChild!;
    r.setStart(text, from);
    r.setEnd(text, to);
    return r;
  }

  it('paints boxes in one ignored host, leaves the page nodes alone, and hit-tests', () => {
    const before = document.body.innerHTML;
    const painter = createPainter(document);
    expect(painter.kind).toBe('overlay');
    painter.paint([
      { id: 'a', range: rangeOf(0, 0, 5), isOwn: true },
      { id: 'b', range: rangeOf(1, 0, 13), isOwn: false },
    ]);
    expect(document.body.innerHTML).toBe(before);
    const host = document.querySelector('commonplace-highlights')!;
    expect(host.hasAttribute('data-commonplace-ignore')).toBe(true);
    const boxes = host.shadowRoot!.querySelectorAll('.box');
    expect([...boxes].map((b) => b.className)).toEqual(['box own', 'box community']);
    expect(painter.hitTest(12, 5)).toBe('a');
    expect(painter.hitTest(12, 15)).toBe('b');
    expect(painter.hitTest(500, 15)).toBeNull();

    painter.paint([{ id: 'b', range: rangeOf(1, 0, 5), isOwn: false }]);
    expect(host.shadowRoot!.querySelectorAll('.box')).toHaveLength(1);
    painter.clear();
    expect(host.shadowRoot!.querySelectorAll('.box')).toHaveLength(0);
    expect(painter.hitTest(12, 15)).toBeNull();
    painter.destroy();
    expect(document.querySelector('commonplace-highlights')).toBeNull();
  });

  it('prefers the shorter of two overlapping notes', () => {
    const painter = createPainter(document);
    painter.paint([
      { id: 'long', range: rangeOf(0, 0, 16), isOwn: true },
      { id: 'short', range: rangeOf(0, 6, 10), isOwn: false },
    ]);
    expect(painter.hitTest(12, 5)).toBe('short');
    painter.destroy();
  });
});
