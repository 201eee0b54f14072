import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { join, startEndpoint } from './pages/community';

test.setTimeout(240_000);

test('an admin sets the ledger’s time zone in options by keyboard; the report then says its months are in that zone', async ({
  context,
  extensionId,
}) => {
  const endpoint = await startEndpoint(['admin']);
  try {
    const page = await context.newPage();
    await join(page, extensionId, endpoint.invite, 'Ada');
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const zone = browserZone === 'Pacific/Auckland' ? 'America/Los_Angeles' : 'Pacific/Auckland';
    const section = page.getByRole('region', { name: 'Impact ledger settings: Makers' });
    await expect(section.getByLabel('Ledger settings now for Makers')).toHaveText(
      'The ledger counts answers in calendar months in UTC; no figure counts fewer than 5 people.',
    );
    const field = section.getByLabel('Time zone of the ledger’s months');
    await expect(field).toHaveValue(browserZone);
    const axe = await new AxeBuilder({ page }).include('.ledger-settings').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // A zone the endpoint does not know is said in words; nothing changes.
    await field.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Mars/Olympus_Mons');
    await page.keyboard.press('Enter');
    await expect(section.getByRole('alert')).toHaveText(
      'Not saved: the time zone must be an IANA time zone. Nothing was changed.',
    );
    await expect(section.getByLabel('Ledger settings now for Makers')).toContainText('months in UTC;');

    // By keyboard: the zone, Tab to k, Tab to the button, Enter.
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(zone);
    await page.keyboard.press('Tab');
    await expect(section.getByLabel('Smallest group a figure may count (people)')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(section.getByRole('button', { name: 'Save ledger settings' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section.getByRole('status')).toHaveText(
      `Saved. The ledger counts answers in calendar months in ${zone}; no figure counts fewer than 5 people.`,
    );

    // The endpoint keeps it: a fresh options page reads it back, and the report (in this browser's zone) says it.
    await page.reload();
    await expect(section.getByLabel('Ledger settings now for Makers')).toContainText(`months in ${zone};`);
    await expect(field).toHaveValue(zone);
    const report = await context.newPage();
    await report.goto(`chrome-extension://${extensionId}/report.html?community=${endpoint.communityId}`);
    await expect(report.getByRole('article', { name: 'Impact report' })).toContainText(
      `in the community’s time zone (${zone}), while this report’s months are in ${browserZone}`,
    );
  } finally {
    await endpoint.close();
  }
});
