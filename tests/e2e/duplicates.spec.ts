import { test, expect } from './fixtures';
import { capturePanel, expectSaved, harvestSelection } from './pages/harvest-flow';
import { readTable } from './digest-seed';

const QUOTE = 'Colocate state with the component that uses it.';

test('harvesting what already exists: the panel offers it, “Add to it” links the notes and counts the effort saved', async ({
  context,
  extensionId,
  site,
}) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/article.html`);
  await harvestSelection(page, '#p2', QUOTE);
  await capturePanel(page).getByLabel('Takeaway').fill('Keep input state local.');
  await capturePanel(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  await harvestSelection(page, '#p2', QUOTE);
  const panel = capturePanel(page);
  const similar = panel.getByRole('region', { name: 'Similar notes already harvested' });
  await expect(similar).toBeVisible();
  await panel.getByLabel('Takeaway').fill('Me too: this fixed our slow search box.');
  await similar.getByRole('button', { name: /^Add to it:/ }).click();
  await expectSaved(page);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const notes = await readTable<{ id: string; takeaway: string; links?: { addsTo?: string } }>(options, 'notes');
  const first = notes.find((n) => n.takeaway === 'Keep input state local.')!;
  const second = notes.find((n) => n.takeaway.startsWith('Me too'))!;
  expect(second.links?.addsTo).toBe(first.id);
  const events = await readTable<{ type: string; noteId?: string }>(options, 'events');
  expect(events.filter((e) => e.type === 'duplicate-avoided' && e.noteId === first.id)).toHaveLength(1);
});
