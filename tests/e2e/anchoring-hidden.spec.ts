import { test, expect } from './fixtures';
import { capturePanel, expectSaved, paintedTexts } from './pages/harvest-flow';
import type { Page } from '@playwright/test';

/**
 * Drags the mouse from the first letter of `from` to the last letter of `to` inside `selector`: a selection a
 * reader makes over what they see, whatever hidden text lies between.
 */
async function dragOver(page: Page, selector: string, from: string, to: string) {
  await page.evaluate(() => getSelection()?.removeAllRanges());
  const box = await page.evaluate(
    ({ selector, from, to }) => {
      const letter = (needle: string, last: boolean) => {
        const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf(needle);
          if (i < 0) continue;
          const r = document.createRange();
          const at = last ? i + needle.length - 1 : i;
          r.setStart(n, at);
          r.setEnd(n, at + 1);
          return r.getBoundingClientRect();
        }
        throw new Error(`not found: ${needle}`);
      };
      const a = letter(from, false);
      const b = letter(to, true);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2 };
    },
    { selector, from, to },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/** Hidden text the selection's range holds (Chromium's Selection.toString() leaves display:none text out). */
const rangeText = (page: Page) =>
  page.evaluate(() => getSelection()!.getRangeAt(0).toString().replace(/\s+/g, ' ').trim());

test('a selection spanning text the page does not render is highlighted again after a reload', async ({
  context,
  site,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/hidden-text.html`);
  const cases = [
    // display:none microformat date between two visible cells' words
    { selector: '#facts', from: 'April', to: 'Forty raised', hidden: '2011-04-12' },
    // display:none Z3988 and citation comment between a citation and the sentence after it
    { selector: '#refs', from: 'Retrieved', to: 'every two weeks', hidden: 'CS1 maint' },
    // aria-hidden separators (display:none by class) between breadcrumb links
    { selector: '#crumbs', from: 'You are', to: 'Soil and compost', hidden: '/' },
    // a visually-hidden name beside a logo, before the visible heading text
    { selector: '#brand', from: 'Welcome', to: 'new members', hidden: 'The Garden Guild' },
  ];
  const harvested: string[] = [];
  for (const c of cases) {
    await dragOver(page, c.selector, c.from, c.to);
    const text = await rangeText(page);
    expect(text, 'the selection holds the hidden text').toContain(c.hidden);
    await page.getByRole('button', { name: 'Harvest' }).click();
    await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved(page);
    harvested.push(text);
  }
  await expect.poll(() => paintedTexts(page)).toHaveLength(cases.length);

  await page.reload();
  await expect.poll(async () => (await paintedTexts(page)).sort()).toEqual([...harvested].sort());
});
