import type { Page, Worker } from '@playwright/test';
import { expect } from '../fixtures';
import { readTable } from '../digest-seed';

/** Selects `text` inside `selector` with the real mouse (press at its first character, release at its last). */
export async function selectWithMouse(page: Page, selector: string, text: string) {
  // Pressing inside an existing selection would start a drag instead of a new selection.
  await page.evaluate(() => getSelection()?.removeAllRanges());
  const box = await page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let full = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: full.length });
        full += n.nodeValue;
      }
      const norm = full.replace(/\s+/g, ' ');
      // map the normalised index back to raw offsets
      const rawIndex = (target: number) => {
        let ni = 0;
        for (let i = 0; i < full.length; i++) {
          if (ni === target) return i;
          if (/\s/.test(full[i]!) && i + 1 < full.length && /\s/.test(full[i + 1]!)) continue;
          ni++;
        }
        return full.length;
      };
      const at = norm.indexOf(text);
      if (at < 0) throw new Error(`text not found: ${text}`);
      const point = (raw: number) => {
        const hit = nodes.findLast((x) => x.start <= raw)!;
        const r = document.createRange();
        r.setStart(hit.node, raw - hit.start);
        r.setEnd(hit.node, Math.min(raw - hit.start + 1, hit.node.length));
        return r.getBoundingClientRect();
      };
      const a = point(rawIndex(at));
      const b = point(rawIndex(at + text.length - 1));
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 0.5, y2: b.top + b.height / 2 };
    },
    { selector, text },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => getSelection()?.toString().replace(/\s+/g, ' ').trim())).toBe(text);
}

/** Selects `text` inside `selector` with the mouse and clicks the Harvest button shown beside the selection. */
export async function harvestSelection(page: Page, selector: string, text: string) {
  await selectWithMouse(page, selector, text);
  await page.getByRole('button', { name: 'Harvest' }).click();
}

/** The capture panel, an extension page framed into the page. */
export const capturePanel = (page: Page) => page.frameLocator('iframe[title="Commonplace: harvest to community"]');

/**
 * Presses `key` in a frame the key removes (Escape in the capture panel or the highlight card). Chromium may never
 * acknowledge an input event when its frame goes away as the event is handled: in CI `keyboard.press('Escape')`
 * hung for the test's whole timeout. So the press is sent and not awaited; the caller waits for the frame to go.
 */
export function pressRemovingFrame(page: Page, key: string): void {
  page.keyboard.press(key).catch(() => undefined);
}

/** The panel confirmed the save, then closed itself. */
export async function expectSaved(page: Page) {
  await expect(capturePanel(page).getByText('Harvested')).toBeVisible();
  await expect(page.locator('iframe[title="Commonplace: harvest to community"]')).toHaveCount(0);
}

/** How many ranges each highlight layer paints on this page (read from the page's highlight registry). */
export function paintedCount(page: Page, layer: 'commonplace-own' | 'commonplace-community' = 'commonplace-own') {
  return page.evaluate(
    (name) => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name)?.size ?? 0,
    layer,
  );
}

/** Texts of the painted ranges. */
export function paintedTexts(page: Page, layer = 'commonplace-own') {
  return page.evaluate(
    (name) =>
      [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(name) ?? [])].map((r) =>
        r.toString().replace(/\s+/g, ' ').trim(),
      ),
    layer,
  );
}

/** A stored note, as far as these tests read it. */
export interface StoredNote {
  quote: string;
  takeaway: string;
  kind: string;
  tags: string[];
  deletedAt?: number;
  page: { title: string; canonicalUrl: string; byline?: string };
}

/** Notes as stored, read from the extension's own database through one of its pages. */
export const storedNotes = (page: Page) => readTable<StoredNote>(page, 'notes');

/** The service worker's `chrome` global, as far as these helpers use it. */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: { local: { set(items: object): Promise<void> } };
};

interface SwHandlers {
  onContextMenuClick(info: object, tab: { id: number }): Promise<void>;
  onCommand(command: string, tab: { id: number }): Promise<void>;
}

/** Calls the very handler the “Harvest to community” menu item calls, in the service worker. */
export function clickHarvestMenu(
  sw: Worker,
  tabId: number,
  info: { selectionText?: string; linkUrl?: string } = {},
  menuItemId: 'harvest-to-community' | 'harvest-thread' = 'harvest-to-community',
) {
  return sw.evaluate(
    ({ tabId, info, menuItemId }) =>
      (globalThis as unknown as { commonplace: SwHandlers }).commonplace.onContextMenuClick(
        { menuItemId, frameId: 0, editable: false, pageUrl: '', ...info },
        { id: tabId },
      ),
    { tabId, info, menuItemId },
  );
}

/** Calls the very handler the keyboard shortcut (commands API) calls, in the service worker. */
export function pressHarvestShortcut(sw: Worker, tabId: number) {
  return sw.evaluate(
    (tabId) =>
      (globalThis as unknown as { commonplace: SwHandlers }).commonplace.onCommand('harvest-selection', { id: tabId }),
    tabId,
  );
}

/** The id of the tab showing `page`. */
export async function tabIdOf(sw: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  if (id === undefined) throw new Error('no active tab');
  return id;
}

/** Writes to the extension's storage.local from its service worker. */
export function setExtensionStorage(sw: Worker, items: Record<string, unknown>) {
  return sw.evaluate((items) => chrome.storage.local.set(items), items);
}
