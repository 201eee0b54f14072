import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { formatInviteLink, parseInviteLink, type JoinResponse, type Role } from '../../../lib/sync/protocol';
import { createApp } from '../../../server/src/app';
import { createInvite } from '../../../server/src/db/invites';
import { migrate } from '../../../server/src/db/migrate';
import { openPglite } from '../../../server/src/db/pglite';
import { loadCursorKey } from '../../../server/src/db/server-meta';
import { expect } from '../fixtures';

/** The real endpoint on a loopback port, with one community "Makers" and a multi-use invite per role asked for. */
export async function startEndpoint<R extends Role = 'member'>(
  roles: R[] = ['member' as R],
  /** The endpoint's clock (default: the real one), for tests that inject time into pages and server alike. */
  now?: () => number,
) {
  const db = await openPglite();
  await migrate(db);
  const cursorKey = await loadCursorKey(db);
  // The app is made once the port is known, so the addresses it hands out (calendar feeds) name this server.
  const made: { app?: ReturnType<typeof createApp> } = {};
  const server = serve({ fetch: (req, env) => made.app!.fetch(req, env), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  made.app = createApp({ db, cursorKey, publicUrl: endpoint, now });
  const communityId = crypto.randomUUID();
  await db.query('INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [
    communityId,
    'Makers',
    'e2e',
    Date.now(),
  ]);
  const invites = {} as Record<R, string>;
  for (const role of roles) {
    const { code } = await createInvite(db, {
      communityId,
      role,
      maxUses: 5,
      expiresAt: Date.now() + 3600_000,
      createdBy: null,
      at: Date.now(),
    });
    invites[role] = formatInviteLink(endpoint, code);
  }
  return {
    communityId,
    invites,
    /** The first role's invite. */
    invite: invites[roles[0]!],
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await db.close();
    },
  };
}

/** Joins a community on the options page as a person does it: labels, buttons, status text. */
export async function joinOnOptionsPage(
  page: Page,
  extensionId: string,
  invite: string,
  name: string,
  community: string,
) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Invite link or code').fill(invite);
  await page.getByLabel('Display name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Joined ${community}` })).toBeVisible();
}

/** Joins the community `startEndpoint` made ("Makers"). */
export const join = (page: Page, extensionId: string, invite: string, name: string) =>
  joinOnOptionsPage(page, extensionId, invite, name, 'Makers');

/** The sync line the popup and options page show. */
export const syncLine = (page: Page) => page.getByRole('region', { name: 'Community sync' }).getByRole('status');

/** Saves a note through the background, as the capture panel does (same message, same validation); its id. */
export async function createNote(page: Page, data: Record<string, unknown>): Promise<string> {
  const res = await page.evaluate(async (data) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    const message = { id: 1, type: 'createNote', data, timestamp: Date.now() };
    return ((await chrome.runtime.sendMessage(message)) as { res: { ok: boolean; value?: { id: string } } }).res;
  }, data);
  if (!res.ok) throw new Error(`createNote: ${JSON.stringify(res)}`);
  return res.value!.id;
}

/** Saves an insight through the background, as the capture panel does (same message, same validation). */
export async function harvest(page: Page, communityId: string, takeaway: string) {
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

/** Presses "Sync now" and waits until the line says it synced with nothing waiting. */
export async function syncNowAndWait(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncLine(page)).toContainText('Synced');
  await expect(syncLine(page)).not.toContainText('waiting', { timeout: 20_000 });
}

/** A scripted member joins through the endpoint's own route, as another person's browser would. */
export async function joinByHttp(endpoint: string, invite: string, displayName: string): Promise<JoinResponse> {
  const { code } = parseInviteLink(invite)!;
  const res = await fetch(`${endpoint}/v1/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, displayName }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as JoinResponse;
}
