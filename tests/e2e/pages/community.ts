import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

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

/** The sync line the popup and options page show. */
export const syncLine = (page: Page) => page.getByRole('region', { name: 'Community sync' }).getByRole('status');
