import AxeBuilder from '@axe-core/playwright';
import { startReceiver } from '../../server/testing/webhook-receiver';
import { EXTENSION_PATH, expect, launchWithExtension, test } from './fixtures';
import { harvest, join, startEndpoint, syncNowAndWait } from './pages/community';

test('an admin sets the webhook in options, edits the AMA post in the new tab and posts it once; a member sees no webhook controls', async () => {
  const endpoint = await startEndpoint(['admin', 'member']);
  // A loopback receiver that answers as Slack's incoming webhook does (200, plain-text "ok").
  const rx = await startReceiver();
  const admin = await launchWithExtension(EXTENSION_PATH);
  const member = await launchWithExtension(EXTENSION_PATH);
  try {
    const page = await admin.context.newPage();
    await join(page, admin.extensionId, endpoint.invites.admin, 'Ada');
    expect((await harvest(page, endpoint.communityId, 'Pair on the hard part first'))?.ok).toBe(true);
    await syncNowAndWait(page);

    // Options: the address is write-only.
    await page.goto(`chrome-extension://${admin.extensionId}/options.html`);
    const settings = page.getByRole('region', { name: 'Ritual webhook for Makers' });
    await expect(settings.getByRole('status', { name: 'Webhook status for Makers' })).toHaveText('Not set.');
    await settings.getByLabel('Chat app').selectOption('slack');
    const address = settings.getByLabel('Webhook address');
    await address.fill('http://chat.example.org/hook'); // plain http off this machine: refused, in words
    await address.press('Enter');
    await expect(settings.getByRole('alert')).toContainText('Webhook not saved');
    await expect(settings.getByRole('status', { name: 'Webhook status for Makers' })).toHaveText('Not set.');
    await address.fill(rx.url);
    await settings.getByRole('button', { name: 'Save webhook' }).focus();
    await page.keyboard.press('Enter');
    await expect(settings.getByRole('status', { name: 'Webhook status for Makers' })).toHaveText(
      'Configured (Slack). The address is kept secret and not shown.',
    );
    await expect(settings.getByLabel('New webhook address')).toHaveValue('');
    await page.reload();
    await expect(settings.getByRole('status', { name: 'Webhook status for Makers' })).toContainText('Configured');
    expect(await page.content()).not.toContain('xoxSECRETPART');
    expect((await new AxeBuilder({ page }).include('.webhook-settings').analyze()).violations).toEqual([]);

    // New tab: compose the AMA post, edit it, post it via the webhook.
    await page.goto(`chrome-extension://${admin.extensionId}/newtab.html`);
    const rituals = page.getByRole('region', { name: 'Rituals' });
    await rituals.getByRole('button', { name: 'Compose the post for Ask me anything in Makers' }).click();
    const composer = rituals.getByRole('group', { name: 'Post for Ask me anything' });
    const text = composer.getByLabel('Post text for Slack (Block Kit JSON)');
    const payload = JSON.parse(await text.inputValue()) as { text: string; blocks: unknown[] };
    const edited = {
      ...payload,
      blocks: [...payload.blocks, { type: 'section', text: { type: 'mrkdwn', text: 'Bring your questions!' } }],
    };
    await text.fill(JSON.stringify(edited, null, 2));
    const post = composer.getByRole('button', { name: 'Post via webhook' });
    await post.focus();
    await page.keyboard.press('Enter');
    const delivery = composer.getByRole('status', { name: 'Webhook delivery' });
    await expect(delivery).toHaveText('Posted.');
    expect(rx.posts).toEqual([edited]);

    await post.click();
    await expect(delivery).toHaveText('Already sent for this day, not posted again. Posted.');
    expect(rx.posts).toHaveLength(1);
    expect((await new AxeBuilder({ page }).include('.ritual-composer').analyze()).violations).toEqual([]);

    // A member: no webhook section in options, no "Post via webhook" in the composer.
    const mpage = await member.context.newPage();
    await join(mpage, member.extensionId, endpoint.invites.member, 'Bo');
    await mpage.goto(`chrome-extension://${member.extensionId}/options.html`);
    await expect(mpage.getByRole('listitem', { name: 'Makers' })).toBeVisible();
    await expect(mpage.getByRole('region', { name: 'Ritual webhook for Makers' })).toHaveCount(0);
    await mpage.goto(`chrome-extension://${member.extensionId}/newtab.html`);
    const mrituals = mpage.getByRole('region', { name: 'Rituals' });
    await mrituals.getByRole('button', { name: 'Compose the post for Ask me anything in Makers' }).click();
    const mcomposer = mrituals.getByRole('group', { name: 'Post for Ask me anything' });
    await expect(mcomposer.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect(mcomposer.getByRole('button', { name: 'Post via webhook' })).toHaveCount(0);
    expect(rx.posts).toHaveLength(1);
  } finally {
    await admin.close();
    await member.close();
    await rx.close();
    await endpoint.close();
  }
});
