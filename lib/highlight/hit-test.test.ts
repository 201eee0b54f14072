// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { hitTest } from './hit-test';
import type { PaintItem } from './types';

/** jsdom has no layout: each character is 10px wide on one 20px line; the caret is the character under x. */
function fakeLayout(text: Text) {
  const doc = text.ownerDocument as unknown as { caretPositionFromPoint?: unknown };
  const rects = Range.prototype.getClientRects;
  Range.prototype.getClientRects = function (this: Range) {
    const from = this.startContainer === text ? this.startOffset : 0;
    const to = this.endContainer === text ? this.endOffset : text.length;
    return [new DOMRect(from * 10, 0, (to - from) * 10, 20)] as unknown as DOMRectList;
  };
  doc.caretPositionFromPoint = (x: number, y: number) =>
    y > 40 ? null : { offsetNode: text, offset: Math.min(text.length, Math.round(x / 10)) };
  return () => {
    Range.prototype.getClientRects = rects;
    delete doc.caretPositionFromPoint;
  };
}

describe('hitTest', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  function setup() {
    document.body.innerHTML = '<p>alpha beta gamma delta</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    restore = fakeLayout(text);
    const item = (id: string, from: number, to: number): PaintItem => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      return { id, range, isOwn: true };
    };
    return [item('long', 0, 16), item('short', 6, 10), item('end', 17, 22)];
  }

  it('finds the smallest painted range under the pointer, through the caret position', () => {
    const items = setup();
    expect(hitTest(items, 25, 10, document)).toBe('long');
    expect(hitTest(items, 75, 10, document)).toBe('short');
    expect(hitTest(items, 195, 10, document)).toBe('end');
  });

  it('is null between highlights, below the text, and where the caret snaps but the rects disagree', () => {
    const items = setup();
    expect(hitTest(items, 165, 10, document)).toBeNull(); // the space between "gamma" and "delta"
    expect(hitTest(items, 25, 60, document)).toBeNull(); // no caret there
    expect(hitTest(items, 25, 30, document)).toBeNull(); // caret on the line above, pointer below its box
  });

  it('scans every range where the document has no caret API', () => {
    const items = setup();
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    expect(hitTest(items, 75, 10, document)).toBe('short');
    expect(hitTest(items, 75, 10)).toBe('short');
  });
});
