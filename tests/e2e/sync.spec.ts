import { expect, launchWithExtension, test } from './fixtures';
import { harvest, joinOnOptionsPage, startEndpoint, syncLine } from './pages/community';
import { capturePanel, expectSaved, selectWithMouse } from './pages/harvest-flow';
import { startStaticServer } from './static-server';

test.setTimeout(400_000);

test('a note harvested in one profile is found in another member’s popup after sync; offline loses nothing', async () => {
  const endpoint = await startEndpoint();
  const site = await startStaticServer();
  const ada = await launchWithExtension();
  const bea = await launchWithExtension();
  try {
    const adaPage = await ada.context.newPage();
    const beaPage = await bea.context.newPage();
    await joinOnOptionsPage(adaPage, ada.extensionId, endpoint.invite, 'Ada', 'Makers');
    await joinOnOptionsPage(beaPage, bea.extensionId, endpoint.invite, 'Bea', 'Makers');

    // Through the real capture panel: "Share with" defaults to the community Ada joined.
    const article = await ada.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    await selectWithMouse(article, '#p5', 'Measure first with the profiler');
    await article.getByRole('button', { name: 'Harvest' }).click();
    const panel = capturePanel(article);
    await expect(panel.getByLabel('Share with')).not.toHaveValue('');
    await panel.getByLabel('Takeaway').fill('Start with the riskiest step');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await expectSaved(article);
    await adaPage.getByRole('button', { name: 'Sync now' }).click();
    await expect(syncLine(adaPage)).toContainText('Synced');

    // Offline: Ada's second note waits in the outbox and goes once she is back.
    await ada.context.setOffline(true);
    expect(await harvest(adaPage, endpoint.communityId, 'Written on the train')).toMatchObject({ ok: true });
    await ada.context.setOffline(false);
    await adaPage.getByRole('button', { name: 'Sync now' }).click();
    await expect(syncLine(adaPage)).not.toContainText('waiting', { timeout: 20_000 });

    await beaPage.getByRole('button', { name: 'Sync now' }).click();
    const popup = await bea.context.newPage();
    await popup.goto(`chrome-extension://${bea.extensionId}/popup.html`);
    const search = popup.getByRole('searchbox').or(popup.getByRole('combobox')).first();
    await search.fill('riskiest');
    await expect(popup.getByText('Start with the riskiest step')).toBeVisible();
    await expect(popup.getByText(/Ada/).first()).toBeVisible();
    await search.fill('train');
    await expect(popup.getByText('Written on the train')).toBeVisible();
  } finally {
    await ada.close();
    await bea.close();
    await endpoint.close();
    await site.close();
  }
});
