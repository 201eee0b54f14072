import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { formatInviteLink } from '../../lib/sync/protocol';
import { createApp } from '../../server/src/app';
import { createInvite } from '../../server/src/db/invites';
import { migrate } from '../../server/src/db/migrate';
import { openPglite } from '../../server/src/db/pglite';
import { loadCursorKey } from '../../server/src/db/server-meta';
import { expect, launchWithExtension, test } from './fixtures';
import { joinOnOptionsPage, syncLine } from './pages/community';
import { capturePanel, expectSaved, selectWithMouse } from './pages/harvest-flow';
import { startStaticServer } from './static-server';

/** The real endpoint on a loopback port, with one community and a multi-use invite. */
async function startEndpoint() {
  const db = await openPglite();
  await migrate(db);
  const app = createApp({ db, cursorKey: await loadCursorKey(db) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const communityId = crypto.randomUUID();
  await db.query('INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [
    communityId,
    'Makers',
    'e2e',
    Date.now(),
  ]);
  const { code } = await createInvite(db, {
    communityId,
    role: 'member',
    maxUses: 5,
    expiresAt: Date.now() + 3600_000,
    createdBy: null,
    at: Date.now(),
  });
  return {
    communityId,
    invite: formatInviteLink(endpoint, code),
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await db.close();
    },
  };
}

/** Saves a note through the background, as the capture panel does (same message, same validation). */
async function harvest(page: Page, communityId: string, takeaway: string) {
  return page.evaluate(
    async ([communityId, takeaway]) => {
      const data = {
        kind: 'insight',
        quote: 'Pair on the hard part first.',
        takeaway,
        tags: ['practice'],
        selectors: [],
        page: { url: 'https://example.org/pairing', canonicalUrl: 'https://example.org/pairing', title: 'Pairing' },
        communityId,
      };
      const message = { id: 1, type: 'createNote', data, timestamp: Date.now() };
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const answer = (await chrome.runtime.sendMessage(message)) as { res?: { ok: boolean; error?: string } };
      return answer.res;
    },
    [communityId, takeaway] as const,
  );
}

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
