import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { EXTENSION_PATH, expect, launchWithExtension, test } from './fixtures';
import { harvest, join, startEndpoint, syncNowAndWait } from './pages/community';

test('a member subscribes to the rituals calendar from the new tab by keyboard, copies the link, rotates it', async () => {
  const endpoint = await startEndpoint();
  // A zone with DST, so the feed must carry its VTIMEZONE.
  const browser = await launchWithExtension(EXTENSION_PATH, { timezoneId: 'America/New_York' });
  const { context, extensionId } = browser;
  try {
    const page = await context.newPage();
    await join(page, extensionId, endpoint.invite, 'Ada');
    expect((await harvest(page, endpoint.communityId, 'Pair on the hard part first'))?.ok).toBe(true);
    await syncNowAndWait(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);

    await page.goto(`chrome-extension://${extensionId}/newtab.html`);
    const rituals = page.getByRole('region', { name: 'Rituals' });
    const subscribe = rituals.getByRole('button', { name: 'Subscribe to the rituals of Makers in your calendar' });
    await subscribe.focus();
    await page.keyboard.press('Enter');
    await expect(subscribe).toHaveAttribute('aria-expanded', 'true');
    const panel = rituals.getByRole('group', { name: 'Calendar link for Makers' });
    const make = panel.getByRole('button', { name: 'Make a calendar link' });
    await make.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toHaveText('Link made. Copy it into your calendar app, or open it there.');

    const address = panel.getByLabel('Calendar address');
    const url = await address.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
    await expect(panel.getByRole('link', { name: 'Open in your calendar app' })).toHaveAttribute(
      'href',
      url.replace('http://', 'webcal://'),
    );
    const copy = panel.getByRole('button', { name: 'Copy link' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toHaveText(
      'Copied. Add it in your calendar app as a subscription (from URL).',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

    // What a calendar app fetches: the new tab's four rituals, read back by Mozilla's parser, in this zone.
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const root = new ICAL.Component(ICAL.parse(await feed.text()));
    const summaries = root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
    const shown = await rituals.locator('.ritual-name').allTextContents();
    expect(summaries.sort()).toEqual(shown.sort());
    expect(shown).toHaveLength(4);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York');
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'America/New_York',
    ]);
    const starts = root.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).startDate);
    expect(starts.every((t) => t.zone?.tzid === 'America/New_York' && t.hour === 9)).toBe(true);

    const rotate = panel.getByRole('button', { name: 'Rotate link' });
    await rotate.focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status')).toHaveText(
      'New link made. The old one no longer works: put this one in your calendar app.',
    );
    const rotated = await address.inputValue();
    expect(rotated).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated)).status).toBe(200);

    // Back later: the link is still there to copy (kept in this browser; the endpoint keeps only its hash).
    await page.reload();
    await rituals.getByRole('button', { name: 'Subscribe to the rituals of Makers in your calendar' }).click();
    await expect(panel.getByLabel('Calendar address')).toHaveValue(rotated);
    expect((await new AxeBuilder({ page }).include('.calendar-subscribe').analyze()).violations).toEqual([]);

    await panel.getByRole('button', { name: 'Turn off link' }).click();
    await expect(panel.getByRole('status')).toHaveText('Link turned off. Calendars subscribed to it stop updating.');
    expect((await fetch(rotated)).status).toBe(404);
    await expect(panel.getByRole('button', { name: 'Make a calendar link' })).toBeVisible();
  } finally {
    await browser.close();
    await endpoint.close();
  }
});
