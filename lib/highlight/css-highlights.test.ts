// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMUNITY_HIGHLIGHT, createPainter, OWN_HIGHLIGHT } from './index';

/**
 * jsdom has neither the Highlight API nor adoptedStyleSheets: this stands in for both with the smallest
 * faithful shape (a Highlight is a Set of ranges, the registry a Map). Chromium runs the real thing in E2E.
 */
class FakeHighlight extends Set<AbstractRange> {}

describe('CSS Custom Highlight painter', () => {
  const win = window as unknown as Record<string, unknown>;
  let registry: Map<string, FakeHighlight>;
  beforeEach(() => {
    document.body.innerHTML = '<p>alpha beta gamma</p>';
    registry = new Map();
    win.Highlight = FakeHighlight;
    win.CSS = { highlights: registry };
    Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
  });
  afterEach(() => {
    delete win.Highlight;
    delete win.CSS;
    delete (document as unknown as Record<string, unknown>).adoptedStyleSheets;
  });

  it('registers own and community ranges under separate names without touching the DOM', () => {
    const before = document.body.innerHTML;
    const painter = createPainter(document);
    expect(painter.kind).toBe('css-highlights');
    const text = document.querySelector('p')!.firstChild!;
    const r1 = document.createRange();
    r1.setStart(text, 0);
    r1.setEnd(text, 5);
    const r2 = document.createRange();
    r2.setStart(text, 6);
    r2.setEnd(text, 10);
    painter.paint([
      { id: 'mine', range: r1, isOwn: true },
      { id: 'theirs', range: r2, isOwn: false },
    ]);
    expect([...registry.get(OWN_HIGHLIGHT)!]).toEqual([r1]);
    expect([...registry.get(COMMUNITY_HIGHLIGHT)!]).toEqual([r2]);
    const rules = [...document.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join('\n');
    expect(rules).toContain(`::highlight(${OWN_HIGHLIGHT})`);
    expect(document.body.innerHTML).toBe(before);

    painter.paint([{ id: 'theirs', range: r2, isOwn: false }]);
    expect(registry.get(OWN_HIGHLIGHT)!.size).toBe(0);
    painter.destroy();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
