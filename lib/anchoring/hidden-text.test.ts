// @vitest-environment node
/**
 * Selections that span text the page does not render: display:none spans (Wikipedia's citation comments and
 * non-breaking separators), aria-hidden glyphs and separators (The Verge, GitLab), visually-hidden labels
 * (The New York Times, WordPress), the HTML `hidden` attribute, fallback content inside <video>/<object>.
 * Cases are taken from the real corpus pages themselves, wherever such an element sits inside running text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { corpusDir, corpusPages, NEEDS_CORPUS } from '../testing/corpus';
import { anchorInModel, buildTextModel, offsetsToRange, rangeToOffsets } from './index';
import { describeOffsets } from './describe';

const HIDDEN =
  '[style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [hidden], ' +
  '[aria-hidden="true"], .visually-hidden, .screen-reader-text, .sr-only, video, audio, object, canvas';
/** Cases taken per page: enough to cover each page's kinds of hidden element, bounded for time. */
const PER_PAGE = 12;
const SIDE = 24;

const parse = (html: string) => new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
const dir = corpusDir();

interface HiddenCase {
  page: string;
  /** The hidden element's opening tag, to say which kind of case failed. */
  tag: string;
  start: number;
  end: number;
}

/** Spans of the page's reader text that start before a hidden element's text and end after it. */
function hiddenCases(page: string, doc: Document): HiddenCase[] {
  const model = buildTextModel(doc.body);
  const out: HiddenCase[] = [];
  for (const el of doc.body.querySelectorAll(HIDDEN)) {
    if (out.length >= PER_PAGE) break;
    if (!el.textContent?.trim()) continue;
    const inner = doc.createRange();
    inner.selectNodeContents(el);
    const o = rangeToOffsets(model, inner);
    if (!o || o.start < SIDE || o.end + SIDE > model.text.length) continue;
    if (out.some((c) => o.start < c.end && o.end > c.start)) continue; // nested hidden elements: one case
    out.push({ page, tag: el.outerHTML.slice(0, 80), start: o.start - SIDE, end: o.end + SIDE });
  }
  return out;
}

describe.skipIf(!dir)(`selections spanning text the page does not render ${NEEDS_CORPUS}`, () => {
  it('anchor again on the unchanged page, to the same text, with hidden parts inside or at an edge', () => {
    (globalThis as Record<string, unknown>).Node ??= new JSDOM('').window.Node;
    let cases = 0;
    const kinds = new Set<string>();
    for (const page of corpusPages(['source.html'], dir)) {
      const html = readFileSync(join(dir!, page, 'source.html'), 'utf8');
      const harvested = parse(html);
      const found = hiddenCases(page, harvested);
      if (!found.length) continue;
      const model = buildTextModel(harvested.body);
      const revisit = harvested.cloneNode(true) as Document; // the same page again, nothing shared with the first
      const again = buildTextModel(revisit.body);
      for (const c of found) {
        const range = offsetsToRange(model, c.start, c.end);
        // The selection as a reader makes it, and one that starts inside the hidden text itself.
        const inside = offsetsToRange(model, c.start + SIDE + 1, c.end);
        for (const r of [range, inside]) {
          const selectors = describeOffsets(model, r);
          const want = rangeToOffsets(model, r);
          const got = anchorInModel(selectors, again);
          expect(got && { start: got.start, end: got.end }, `${page} ${c.tag}`).toEqual(want);
          // The same DOM text, hidden parts included (the selection's edge spaces are not part of a quote).
          const same = offsetsToRange(model, want!.start, want!.end).toString();
          expect(got?.range.toString(), `${page} ${c.tag}`).toBe(same);
          cases++;
        }
        kinds.add(c.tag.match(/^<(\w+)[^>]*?(style="[^"]*"|hidden|aria-hidden="true"|class="[^"]*")/)?.[2] ?? c.tag);
      }
      harvested.defaultView?.close();
    }
    expect(cases).toBeGreaterThanOrEqual(60);
    expect(kinds.size).toBeGreaterThanOrEqual(4);
  }, 600_000);
});
