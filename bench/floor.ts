import type { Page } from '@playwright/test';
import { keystrokeLatencies } from './keystrokes';

/**
 * The floor: first paint of an extension page with no script at all (the manifest, shown as text), in the
 * same browser. What navigation and a fresh renderer cost before any page of ours does anything.
 */
export async function measureFloor(page: Page, extensionId: string): Promise<number> {
  await page.goto(`chrome-extension://${extensionId}/manifest.json`);
  const fcp = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  return Number(await fcp.jsonValue());
}

/** The keystroke floor's page: a box and the list its echoes fill. */
export const KEYSTROKE_FLOOR_HTML = '<input aria-label="Query"><ul aria-label="Echoes"></ul>';

/**
 * The keystroke floor's script (a string, not a function: nothing of the bundler's helpers can leak into the
 * page). The worker stamps when it posted each echo on the clock every context shares, and the page records
 * when it took it (`window.replies`, page clock), as the popup's port does: the trace diagnostic
 * (popup-keystroke-trace.ts) splits the floor's way back as it splits the popup's.
 */
export const KEYSTROKE_FLOOR_SCRIPT = `(() => {
    const worker = new Worker(URL.createObjectURL(new Blob([
      'onmessage = (e) => postMessage([e.data, performance.timeOrigin + performance.now()])',
    ])));
    const box = document.querySelector('input');
    const list = document.querySelector('ul');
    window.keys = [];
    window.frames = [];
    window.replies = [];
    document.addEventListener('keydown', () => window.keys.push(performance.now()), true);
    box.addEventListener('input', () => worker.postMessage(box.value.trim()));
    worker.onmessage = (e) => {
      const [text, sent] = e.data;
      window.replies.push({ query: text, sent: sent - performance.timeOrigin, arrived: performance.now() });
      list.replaceChildren(...Array.from({ length: 20 }, (_, i) => {
        const li = document.createElement('li');
        li.textContent = text + ' ' + i;
        return li;
      }));
      const at = performance.mark('commonplace:results', { detail: text }).startTime;
      requestAnimationFrame(() => setTimeout(() => window.frames.push(performance.now() - at)));
    };
  })()`;

/**
 * The keystroke floor: the same typing into a blank page whose input handler sends the text to a worker that
 * echoes it straight back, and then puts a list of 20 one-line items on screen (marked as the popup marks its
 * lists). What a keystroke costs here with no search, no IndexedDB and no real cards: input dispatch, two
 * messages between threads, a small DOM change, on this machine's shared cores. Returns per-keystroke ms, and
 * per list shown the time from its mark to the next frame drawn (layout and paint).
 */
export async function measureKeystrokeFloor(
  page: Page,
  query: string,
): Promise<{ latencies: number[]; frames: number[] }> {
  await page.goto('about:blank');
  await page.setContent(KEYSTROKE_FLOOR_HTML);
  await page.evaluate(KEYSTROKE_FLOOR_SCRIPT);
  await page.getByRole('textbox', { name: 'Query' }).focus();
  await page.keyboard.type(query, { delay: 60 });
  await page.waitForTimeout(300);
  const { keys, shown, frames } = (await page.evaluate(`({
    keys: window.keys,
    frames: window.frames,
    shown: performance.getEntriesByName('commonplace:results').map((m) => ({ query: m.detail, at: m.startTime })),
  })`)) as { keys: number[]; frames: number[]; shown: { query: string; at: number }[] };
  return { latencies: keystrokeLatencies(query, keys, shown).slice(1), frames };
}
