import type { BrowserContext, Page } from '@playwright/test';
import { readTable } from '../digest-seed';
import { pullAll, type ApiMember } from '../endpoint-process';
import { expect, type launchWithExtension } from '../fixtures';
import { joinOnOptionsPage, syncLine } from './community';
import { capturePanel, selectWithMouse } from './harvest-flow';

/**
 * Members in real browser profiles, syncing with a real endpoint: join, harvest, sync until clean, and each
 * profile's replica of a community beside the server's view of it (chaos.spec, scale-out.spec).
 */

export interface Profile {
  name: string;
  context: BrowserContext;
  extensionId: string;
  options: Page;
  /** The web page this member harvests on. */
  page: Page;
  close(): Promise<void>;
}

/** A fresh profile with the built extension, joined to `community` on its options page, with `pageUrl` open. */
export async function openProfile(
  name: string,
  launched: Promise<Awaited<ReturnType<typeof launchWithExtension>>>,
  pageUrl: string,
  invite: string,
  community: string,
): Promise<Profile> {
  const ext = await launched;
  const options = await ext.context.newPage();
  await joinOnOptionsPage(options, ext.extensionId, invite, name, community);
  const page = await ext.context.newPage();
  await page.goto(pageUrl);
  return { name, context: ext.context, extensionId: ext.extensionId, options, page, close: ext.close };
}

/** Select → Harvest → takeaway → Save, in the real capture panel, on the member's page. */
export async function harvestOnPage(p: Profile, selector: string, text: string, takeaway: string) {
  await p.page.bringToFront();
  await selectWithMouse(p.page, selector, text);
  await p.page.getByRole('button', { name: 'Harvest' }).click();
  const panel = capturePanel(p.page);
  await expect(panel.getByLabel('Share with')).not.toHaveValue('');
  await panel.getByLabel('Takeaway').fill(takeaway);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  // The panel says "Harvested" for 0.9 s, then closes: on a busy page, locating the frame through the page can
  // take longer than that, so the proof of the save is the note itself, in this profile's database.
  await expect(p.page.locator('iframe[title="Commonplace: harvest to community"]')).toHaveCount(0);
  await expect
    .poll(async () => (await readTable<StoredNote>(p.options, 'notes')).filter((n) => n.takeaway === takeaway).length)
    .toBe(1);
}

/** "Sync now" on the options page, until the line says synced with nothing waiting and no error. */
export async function syncUntilClean(p: Profile) {
  await p.options.bringToFront();
  await expect(async () => {
    await p.options.getByRole('button', { name: 'Sync now' }).click();
    await expect(syncLine(p.options)).toContainText('Synced', { timeout: 2000 });
    await expect(syncLine(p.options)).not.toContainText(/waiting|set aside/, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

export async function openPopup(p: Profile): Promise<Page> {
  const popup = await p.context.newPage();
  await popup.goto(`chrome-extension://${p.extensionId}/popup.html`);
  return popup;
}

/** The note card the popup shows for `words`, found through its search box. */
export async function findCard(popup: Page, words: string, quote: string) {
  await popup.getByRole('searchbox', { name: 'Search harvested notes' }).fill(words);
  const card = popup.getByRole('article', { name: quote });
  await expect(card).toBeVisible();
  return card;
}

export interface Row {
  id: string;
  kind: string;
  takeaway: string;
  quote: string;
  tags: string[];
  authorId: string | undefined;
  thankedBy: string[];
}

/** The community's live notes as the server holds them (pulled from scratch by the organiser). */
export async function serverView(organiser: ApiMember): Promise<Map<string, Row>> {
  const { changes } = await pullAll(organiser);
  const rows = new Map<string, Row>();
  for (const c of changes as { type: string; noteId?: string; note?: StoredNote; thankedBy?: string[] }[]) {
    if (c.type === 'tombstone') rows.delete(c.noteId!);
    else rows.set(c.note!.id, project(c.note!, c.thankedBy!));
  }
  return rows;
}

export interface StoredNote {
  id: string;
  kind: string;
  takeaway: string;
  quote: string;
  tags: string[];
  communityId?: string | null;
  deletedAt?: number;
  author?: { id: string };
}

const project = (n: StoredNote, thankedBy: string[]): Row => ({
  id: n.id,
  kind: n.kind,
  takeaway: n.takeaway,
  quote: n.quote,
  tags: n.tags,
  authorId: n.author?.id,
  thankedBy: [...thankedBy].sort(),
});

/** The same community's live notes as a profile's IndexedDB holds them. */
export async function replica(p: Profile, communityId: string): Promise<Map<string, Row>> {
  const notes = await readTable<StoredNote>(p.options, 'notes');
  const thanks = await readTable<{ noteId: string; memberId: string }>(p.options, 'thanks');
  const rows = new Map<string, Row>();
  for (const n of notes) {
    if (n.communityId !== communityId || n.deletedAt) continue;
    const by = thanks.filter((t) => t.noteId === n.id).map((t) => t.memberId);
    rows.set(n.id, project(n, by));
  }
  return rows;
}
