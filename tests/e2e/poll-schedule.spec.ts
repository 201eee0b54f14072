import AxeBuilder from '@axe-core/playwright';
import { expect, isTestBuild, test } from './fixtures';
import { annAndFay, newTabAt, pollWindow, pulseCard as pulse } from './pages/pulse';

const QUESTION = 'Which part of the release checklist slowed you down?';
/** Weekly from a past Thursday, open the 3 days before each, in UTC: what Fay types in the options page. */
const TIMING = { cadence: 'weekly' as const, anchor: '2026-11-05', openDays: 3, timeZone: 'UTC' };
/** A day before the next window (between windows), and inside it. */
const { before: BEFORE, open: OPEN } = pollWindow(TIMING);

test.setTimeout(240_000);

test('a facilitator schedules a poll in the options page; the member’s new tab shows it when the clock reaches it, and not once paused; the facilitator opts in to the weekly e-mail', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  const world = await annAndFay();
  const { ann, annOptions, fayOptions } = world;
  try {
    // A member's options page has no poll scheduling.
    // (Its role is the endpoint's word: the page asks /v1/members/me, and shows nothing after the answer.)
    const askedRole = annOptions.waitForResponse((r) => new URL(r.url()).pathname === '/v1/members/me');
    const askedWeekly = annOptions.waitForResponse(
      (r) => new URL(r.url()).pathname === '/v1/community/me/weekly-summary',
    );
    await annOptions.reload();
    expect(((await (await askedRole).json()) as { role: string }).role).toBe('member');
    // Nor the weekly summary by e-mail: the endpoint refuses a member, and the page shows nothing.
    expect((await askedWeekly).status()).toBe(403);
    await expect(annOptions.getByRole('region', { name: 'Weekly summary by e-mail: Makers' })).toHaveCount(0);
    await expect(annOptions.getByRole('heading', { name: 'Makers', exact: true })).toBeVisible();
    await expect(annOptions.getByRole('button', { name: 'Leave…' })).toBeVisible();
    await expect(annOptions.getByRole('region', { name: 'Pulse polls for Makers' })).toHaveCount(0);

    // Fay schedules one from scratch, by keyboard after the first field.
    await fayOptions.reload();
    const polls = fayOptions.getByRole('region', { name: 'Pulse polls for Makers' });
    await expect(polls).toContainText('No polls scheduled.');
    await polls.getByRole('button', { name: 'New poll…' }).click();
    const form = polls.getByRole('form', { name: 'New poll' });
    // k below 3 is refused in words and nothing is sent.
    await form.getByLabel('Question').fill(QUESTION);
    await form.getByLabel('Answers needed before results show (at least 3)').fill('2');
    await form.getByRole('button', { name: 'Schedule poll' }).click();
    await expect(form.getByRole('alert')).toHaveText('Answers needed before results show: must be at least 3');

    await form.getByLabel('How often').selectOption({ label: 'Every week' });
    await form.getByLabel('First occurrence (answers close as this day starts)').fill(TIMING.anchor);
    await form.getByLabel('Days open before each occurrence').fill(String(TIMING.openDays));
    await form.getByLabel('Answers needed before results show (at least 3)').fill('3');
    await form.getByLabel('Time zone').fill(TIMING.timeZone);
    await fayOptions.keyboard.press('Tab');
    await expect(form.getByRole('button', { name: 'Schedule poll' })).toBeFocused();
    await fayOptions.keyboard.press('Enter');
    await expect(polls.getByRole('status')).toHaveText(`Scheduled “${QUESTION}”.`);
    const item = polls.getByRole('listitem', { name: QUESTION });
    await expect(item).toContainText('Every week · from 2026-11-05 · open 3 days before each occurrence · free text');
    const axe = await new AxeBuilder({ page: fayOptions }).include('.poll-scheduler').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Ann's new tab: nothing before the window, the poll once the clock reaches it.
    world.setServerTime(BEFORE);
    const early = await newTabAt(ann.context, ann.extensionId, BEFORE);
    expect(early.open).toEqual([]);
    await expect(pulse(early.tab)).toHaveCount(0);
    await early.tab.close();
    world.setServerTime(OPEN);
    const onTime = await newTabAt(ann.context, ann.extensionId, OPEN);
    expect(onTime.open).toEqual([QUESTION]);
    await expect(pulse(onTime.tab).getByRole('heading', { name: QUESTION })).toBeVisible();
    await expect(onTime.tab.getByLabel(`Your answer to “${QUESTION}”`)).toBeVisible();
    await onTime.tab.close();

    // Paused by Fay: the open window shows nothing; resumed, it is back.
    await item.getByRole('button', { name: `Pause “${QUESTION}”` }).click();
    await expect(item).toContainText('Paused: members see nothing until you resume it.');
    const paused = await newTabAt(ann.context, ann.extensionId, OPEN + 60_000);
    expect(paused.open).toEqual([]);
    await expect(pulse(paused.tab)).toHaveCount(0);
    await paused.tab.close();
    await item.getByRole('button', { name: `Resume “${QUESTION}”` }).click();
    await expect(polls.getByRole('status')).toHaveText(`Resumed “${QUESTION}”.`);
    const resumed = await newTabAt(ann.context, ann.extensionId, OPEN + 120_000);
    expect(resumed.open).toEqual([QUESTION]);
    await expect(pulse(resumed.tab).getByRole('heading', { name: QUESTION })).toBeVisible();

    // Fay opts in to the weekly summary by e-mail, by keyboard; a bad address is refused in words.
    const weekly = fayOptions.getByRole('region', { name: 'Weekly summary by e-mail: Makers' });
    await expect(weekly.getByRole('status')).toHaveText('Now: off. No weekly summary is sent to you.');
    await weekly.getByRole('switch', { name: 'Send me the weekly summary' }).focus();
    await fayOptions.keyboard.press('Space');
    await fayOptions.keyboard.press('Tab');
    const address = weekly.getByLabel('E-mail address for the weekly summary');
    await expect(address).toBeFocused();
    await fayOptions.keyboard.type('fay@example');
    await fayOptions.keyboard.press('Enter');
    await expect(weekly.getByRole('alert')).toHaveText('Not saved: the address must be an e-mail address.');
    await expect(weekly.getByRole('status')).toHaveText('Now: off. No weekly summary is sent to you.');
    await fayOptions.keyboard.type('.org');
    await fayOptions.keyboard.press('Enter');
    await expect(weekly.getByRole('status')).toHaveText(
      'Saved. Now: the summary of each week goes to fay@example.org on Monday.',
    );
    await expect(weekly.getByRole('alert')).toHaveCount(0);
    const axeWeekly = await new AxeBuilder({ page: fayOptions }).include('.weekly-summary-email').analyze();
    expect(axeWeekly.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // Read back from the endpoint by a fresh page.
    await fayOptions.reload();
    await expect(weekly.getByRole('status')).toHaveText(
      'Now: the summary of each week goes to fay@example.org on Monday.',
    );
    await expect(address).toHaveValue('fay@example.org');
    await expect(weekly.getByRole('switch', { name: 'Send me the weekly summary' })).toBeChecked();
  } finally {
    await world.close();
  }
});
