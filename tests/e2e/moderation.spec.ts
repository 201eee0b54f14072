import type { Page } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures';
import { harvest, join, startEndpoint, syncNowAndWait } from './pages/community';

/** The popup's search box, and what it lists for `words`. */
async function popupFinds(page: Page, extensionId: string, words: string) {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const search = page.getByRole('searchbox').or(page.getByRole('combobox')).first();
  await search.fill(words);
  return page.getByRole('list', { name: 'Harvested notes' }).getByRole('article');
}

test.setTimeout(400_000);

test('an admin removes a hostile member’s notes from the options page; another member’s popup no longer finds them', async () => {
  const endpoint = await startEndpoint(['admin', 'member']);
  const ada = await launchWithExtension();
  const bea = await launchWithExtension();
  const eve = await launchWithExtension();
  try {
    const adaPage = await ada.context.newPage();
    const beaPage = await bea.context.newPage();
    const evePage = await eve.context.newPage();
    await join(adaPage, ada.extensionId, endpoint.invites.admin, 'Ada');
    await join(beaPage, bea.extensionId, endpoint.invites.member, 'Bea');
    await join(evePage, eve.extensionId, endpoint.invites.member, 'Eve');

    // Eve floods the community; Bea shares one note of her own.
    for (const t of ['Cheap pills online', 'More cheap pills here', 'Pills pills pills']) {
      expect(await harvest(evePage, endpoint.communityId, t)).toMatchObject({ ok: true });
    }
    await syncNowAndWait(evePage);
    expect(await harvest(beaPage, endpoint.communityId, 'Pair on the riskiest step')).toMatchObject({ ok: true });
    await syncNowAndWait(beaPage);
    await expect(await popupFinds(beaPage, bea.extensionId, 'pills')).toHaveCount(3);

    // A member sees no moderation.
    await beaPage.goto(`chrome-extension://${bea.extensionId}/options.html`);
    await expect(beaPage.getByRole('heading', { name: 'Communities' })).toBeVisible();
    await expect(beaPage.getByRole('region', { name: 'Moderation' })).toHaveCount(0);

    // The admin does: members with their note counts here.
    await syncNowAndWait(adaPage);
    await adaPage.reload();
    const section = adaPage.getByRole('region', { name: 'Moderation' });
    const members = section.getByRole('table', { name: 'Members of Makers' });
    await expect(members.getByRole('row', { name: /Eve/ })).toContainText('3');
    await expect(members.getByRole('row', { name: /Bea/ })).toContainText('1');

    // One note, found by author and words; Escape cancels and nothing happens.
    await section.getByLabel('Author').selectOption({ label: 'Eve' });
    await section.getByLabel('Find community notes').fill('online');
    const notes = section.getByRole('list', { name: 'Notes of Makers' }).getByRole('listitem');
    await expect(notes).toHaveCount(1);
    await notes.getByRole('button', { name: 'Remove note “Cheap pills online”…' }).click();
    const dialog = adaPage.getByRole('dialog', { name: 'Remove this note for everyone?' });
    await expect(dialog).toContainText('Eve’s note “Cheap pills online” will be deleted from Makers');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await adaPage.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await notes.getByRole('button', { name: 'Remove note “Cheap pills online”…' }).click();
    await dialog.getByRole('button', { name: 'Remove note' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Removed 1 note for everyone' })).toBeVisible();
    // The sync it starts brings the tombstone here: the list and the count follow.
    await expect(notes).toHaveCount(0);
    await expect(members.getByRole('row', { name: /Eve/ })).toContainText('2');

    // Offline: a clear error, and nothing removed.
    await ada.context.setOffline(true);
    await members.getByRole('button', { name: 'Remove Bea’s notes…' }).click();
    await adaPage.getByRole('dialog').getByRole('button', { name: 'Remove Bea’s notes' }).click();
    await expect(section.getByRole('alert')).toHaveText(
      'Not removed: offline, or the endpoint cannot be reached. Nothing changed.',
    );
    await ada.context.setOffline(false);

    // The rest of Eve's notes, with the keyboard: focus the button, Enter, Tab to the confirming button, Enter.
    await members.getByRole('button', { name: 'Remove Eve’s notes…' }).focus();
    await adaPage.keyboard.press('Enter');
    const all = adaPage.getByRole('dialog', { name: 'Remove all of Eve’s notes for everyone?' });
    await expect(all).toContainText('2 notes in this browser’s copy');
    await adaPage.keyboard.press('Shift+Tab');
    await expect(all.getByRole('button', { name: 'Remove Eve’s notes' })).toBeFocused();
    await adaPage.keyboard.press('Enter');
    await expect(section.getByRole('status').filter({ hasText: 'Removed 2 notes for everyone' })).toBeVisible();
    await expect(members.getByRole('row', { name: /Eve/ })).toContainText('0');

    // Bea's next sync takes them from her browser: her popup no longer finds them; her own note stays.
    await beaPage.goto(`chrome-extension://${bea.extensionId}/options.html`);
    await syncNowAndWait(beaPage);
    await expect(await popupFinds(beaPage, bea.extensionId, 'pills')).toHaveCount(0);
    await expect(await popupFinds(beaPage, bea.extensionId, 'riskiest')).toHaveCount(1);
  } finally {
    await Promise.all([ada.close(), bea.close(), eve.close()]);
    await endpoint.close();
  }
});
