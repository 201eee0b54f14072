// @vitest-environment jsdom
/**
 * Issue 15: a page hides a NUL before a sentence and a lone surrogate after it (tests/fixtures/pages/chaos.html).
 * Harvesting the sentence must still work: the selectors describe the text as a reader sees it (no NUL, U+FFFD
 * for the lone half), so every store accepts them and they anchor back to the same words.
 */
import { describe, expect, it } from 'vitest';
import { toReaderStrings } from '../capture/page-text';
import { CaptureRequestSchema } from '../messaging/schemas';
import { SelectorSchema } from '../model/selectors';
import { anchorSelectors, buildTextModel, describeRange } from './index';

const SENTENCE = 'Write the rollback step before the rollout step.';

function hostilePage() {
  document.body.innerHTML = `<article><p id="r1">Ship small changes behind a flag.</p>
    <p id="r2"><span style="display:none" id="nul"></span>${SENTENCE}<span style="display:none" id="half"></span></p>
    <p id="r3">Keep the on-call notes \uD83D\uDE00 next to the code.</p></article>`;
  // Set by script, as the hostile page does: an HTML parser would not keep a NUL in the text.
  document.getElementById('nul')!.textContent = 'before\u0000';
  document.getElementById('half')!.textContent = '\uD800after';
  const text = document.querySelector('#r2')!.childNodes[1] as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, SENTENCE.length);
  return range;
}

describe('a NUL and a lone surrogate hidden around the selected sentence', () => {
  it('the selectors hold neither, pass the note schema, and anchor back to the sentence', () => {
    const range = hostilePage();
    const selectors = describeRange(range, document.body);
    expect(selectors).toHaveLength(2);
    for (const s of selectors) expect(SelectorSchema.safeParse(s).success, JSON.stringify(s)).toBe(true);
    expect(selectors[0]).toMatchObject({ exact: SENTENCE });
    expect(JSON.stringify(selectors)).toContain('before');
    expect(JSON.stringify(selectors)).toContain('\uFFFDafter');
    expect(anchorSelectors(selectors, document.body)?.toString()).toBe(SENTENCE);
  });

  it('keeps surrogate pairs and offsets: one reader unit per page unit', () => {
    hostilePage();
    const model = buildTextModel(document.body);
    expect(model.text).toContain('notes \uD83D\uDE00 next');
    expect(model.text).toContain(`before${SENTENCE}\uFFFDafter`);
    expect(model.text).not.toContain('\u0000');
  });

  it('the capture request the content script sends is accepted, page HTML and all', () => {
    const range = hostilePage();
    const request = toReaderStrings({
      mode: 'selection' as const,
      url: 'http://127.0.0.1/chaos.html',
      quote: range.toString().trim(),
      selectors: describeRange(range, document.body),
      html: document.documentElement.outerHTML,
    });
    expect(CaptureRequestSchema.safeParse(request).success).toBe(true);
    expect(request.html).toContain('\uFFFDafter');
  });
});
