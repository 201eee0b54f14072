import type { Page, Worker } from '@playwright/test';

/** Note ids in the order the popup lists them. */
export const shownIds = (page: Page) =>
  page
    .getByRole('list', { name: 'Harvested notes' })
    .getByRole('article')
    .evaluateAll((cards) => cards.map((c) => c.id.replace(/^note-/, '')));

/** Has the background rebuild the saved search index (after notes were seeded behind its write hooks). */
export const rebuildSearchIndex = (sw: Worker) =>
  sw.evaluate(() =>
    (
      globalThis as unknown as { commonplace: { rebuildSearchIndex(): Promise<unknown> } }
    ).commonplace.rebuildSearchIndex(),
  );
