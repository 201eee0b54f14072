import { browser } from 'wxt/browser';

const HOST_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

/** True where the search host can exist (Chrome's offscreen documents); Firefox answers in-page instead. */
export const hasSearchHost = () => typeof browser.offscreen?.createDocument === 'function';

/**
 * Creates the search host unless it exists. Called by the background on install and start-up (so the
 * first popup finds the index warm) and on demand when a page finds no host. Concurrent calls share one
 * creation; a document that is not audio is not closed by Chrome on its own.
 */
export function ensureSearchHost(): Promise<void> {
  creating ??= (async () => {
    if (await browser.offscreen.hasDocument()) return;
    try {
      await browser.offscreen.createDocument({
        url: browser.runtime.getURL(HOST_PATH),
        reasons: ['WORKERS'],
        justification: 'Keeps the search index warm so the popup and new tab answer every keystroke at once.',
      });
    } catch (e) {
      if (!(await browser.offscreen.hasDocument())) throw e; // else another caller created it meanwhile
    }
  })().finally(() => (creating = null));
  return creating;
}
