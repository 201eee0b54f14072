import { chromium, expect, test, type Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium';
import { HOSTILE } from '../../lib/testing/ritual-post';
import type { TeamsPayload } from '../../lib/rituals/render';
import type * as AdaptiveCards from 'adaptivecards';

/**
 * Each golden Teams card rendered by Microsoft's own `adaptivecards` renderer in Chromium: the card parses,
 * renders, shows our words and the member's words literally (no element made of them), and links only ours.
 * No extension is involved: this is the renderer Teams' web client is built on, in a blank page.
 */
const GOLDEN = ['lib/rituals/render/golden/teams.json'];
const SCRIPT = resolve('node_modules/adaptivecards/dist/adaptivecards.min.js');

let browser: Browser;
test.beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH (see README).');
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', ...CHROMIUM_ARGS] });
});
test.afterAll(async () => browser?.close());

for (const file of GOLDEN) {
  test(`adaptivecards renders ${file}`, async () => {
    const payload = JSON.parse(readFileSync(file, 'utf8')) as TeamsPayload;
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><main id="host"></main></body></html>');
    await page.addScriptTag({ path: SCRIPT });
    const result = await page.evaluate((card) => {
      const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCards }).AdaptiveCards;
      const ac = new AC.AdaptiveCard();
      const context = new AC.SerializationContext();
      ac.parse(card, context);
      const rendered = ac.render()!;
      document.getElementById('host')!.append(rendered);
      return { events: context.eventCount, html: rendered.outerHTML };
    }, payload.attachments[0]!.content);
    expect(result.events).toBe(0);

    const card = page.locator('#host .ac-adaptiveCard');
    await expect(card).toBeVisible();
    const shown = (await card.innerText()).replace(/\s+/g, ' ');
    expect(shown).toContain('Ask me anything: Tuesday 15 December 2026');
    expect(shown).toContain('People to thank');
    expect(shown).toContain('• How do we rotate the staging keys? (asked by Sarah)');
    expect(shown).toContain('Composed by Commonplace from what this community harvested.');
    // The hostile member text is there as text, letter for letter, and nothing was made of it.
    expect(shown).toContain(HOSTILE.replace(/\s+/g, ' '));
    expect(await card.locator('b, strong, em, code, at, img, script, iframe').count()).toBe(0);
    // Links: the runs with an Action.OpenUrl, and only those, open something.
    const links = card.getByRole('link');
    const runsWithLinks = payload.attachments[0]!.content.body.flatMap((b) => b.inlines).filter((r) => r.selectAction);
    await expect(links).toHaveCount(runsWithLinks.length);
    await expect(links.first()).toHaveAccessibleName(runsWithLinks[0]!.selectAction!.title!.replace(/\s+/g, ' '));
    await page.close();
  });
}
