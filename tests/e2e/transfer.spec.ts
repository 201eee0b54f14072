import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { WEB_ANNOTATION_SCHEMA } from '../../lib/export/web-annotation-schema';
import { makeNote } from '../../lib/testing/make-note';
import { launchWithExtension } from './fixtures';
import { test, expect } from './fixtures';
import { readTable, seedExtensionDb } from './digest-seed';

/** Collections, wiki page, export and import through the options page (TransferPanel + CollectionsPanel). */
async function openOptions(page: Page, extensionId: string): Promise<boolean> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // The page renders once its settings are read from IndexedDB: wait for it rather than sample too early.
  await expect(page.getByRole('heading', { name: 'Export', exact: true })).toBeVisible();
  return true;
}

const notes = [
  makeNote({ quote: 'Retries without backoff turn a blip into an outage.', takeaway: 'Add jitter', tags: ['sre'] }),
  makeNote({ quote: 'Measure before you optimise.', takeaway: 'Profile first', author: { id: 'u-a', name: 'Ada' } }),
  makeNote({ kind: 'snippet', quote: 'SELECT 1;', takeaway: 'Health check query', tags: ['sql'] }),
];

test('build a collection, export its wiki page, export JSON, import it into a fresh profile and find every note', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await openOptions(page, extensionId);
  await seedExtensionDb(page, { notes });
  await page.reload();

  await page.getByLabel('New collection name').fill('Onboarding');
  await page.getByRole('button', { name: 'Create collection' }).click();
  for (const n of [notes[0]!, notes[1]!]) {
    await page.getByLabel('Add a note').selectOption(n.id);
    await page.getByRole('button', { name: 'Add to collection' }).click();
  }
  await page.getByRole('button', { name: `Move up: ${notes[1]!.takeaway}` }).click();
  const [wiki] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Collections' }).getByRole('button', { name: 'Download wiki page' }).click(),
  ]);
  const markdown = readFileSync((await wiki.path())!, 'utf8');
  expect(markdown).toMatch(/^# Onboarding\n/);
  expect(markdown.indexOf('Profile first')).toBeLessThan(markdown.indexOf('Add jitter'));
  expect(markdown).toContain('#:~:text=');
  expect(markdown).toContain('**Contributors:** Ada');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^JSON/ }).click(),
  ]);
  const file = (await json.path())!;
  // The file the extension wrote from its own IndexedDB satisfies the W3C Web Annotation MUSTs (our schema).
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  const validate = ajv.compile(WEB_ANNOTATION_SCHEMA);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
  expect(exported.first.items).toHaveLength(notes.length);

  const fresh = await launchWithExtension();
  try {
    const other = await fresh.context.newPage();
    expect(await openOptions(other, fresh.extensionId)).toBe(true);
    await other.getByLabel(/^File to import/).setInputFiles({
      name: 'commonplace.json',
      mimeType: 'application/json',
      buffer: readFileSync(file),
    });
    await other.getByRole('button', { name: `Import ${notes.length} notes` }).click();
    await expect(other.getByText(`Done: ${notes.length} notes imported`)).toBeVisible();
    const stored = await readTable<{ id: string; quote: string }>(other, 'notes');
    expect(stored.map((n) => n.id).sort()).toEqual(notes.map((n) => n.id).sort());
    const collections = await readTable<{ name: string; noteIds: string[] }>(other, 'collections');
    expect(collections).toMatchObject([{ name: 'Onboarding', noteIds: [notes[1]!.id, notes[0]!.id] }]);

    // Imported notes are searchable at once: the options page reports its writes, so the warm search index
    // (opened when the extension was installed, before the import) folds them in.
    const popup = await fresh.context.newPage();
    await popup.goto(`chrome-extension://${fresh.extensionId}/popup.html`);
    await popup.getByRole('searchbox', { name: 'Search harvested notes' }).fill('jitter');
    await expect(popup.getByRole('article', { name: notes[0]!.quote })).toBeVisible();
    await popup.getByRole('searchbox', { name: 'Search harvested notes' }).fill('health check');
    await expect(popup.getByRole('article', { name: notes[2]!.quote })).toBeVisible();
  } finally {
    await fresh.close();
  }
});
