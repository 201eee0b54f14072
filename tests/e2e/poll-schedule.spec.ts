import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { upcomingOccurrence } from '../../lib/pulse/schedule';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { join, startEndpoint } from './pages/community';

const DAY = 86_400_000;
const QUESTION = 'Which part of the release checklist slowed you down?';
/** Weekly from a past Thursday, open the 3 days before each, in UTC: what Fay types in the options page. */
const TIMING = { cadence: 'weekly' as const, anchor: '2026-11-05', openDays: 3, timeZone: 'UTC' };
/** The occurrence whose window starts more than a day from now; a day before it (between windows), and inside. */
const OCC = upcomingOccurrence(TIMING, Date.now() + 4 * DAY)!;
const BEFORE = OCC.opensAt - DAY;
const OPEN = OCC.opensAt + DAY / 2;

/**
 * A new tab whose clock reads `at` (Playwright's injected clock), once it has asked the endpoint for the open
 * polls: `open` is the questions the endpoint answered, so "none shown" is checked after the answer, not before.
 */
async function newTabAt(context: BrowserContext, extensionId: string, at: number) {
  const tab = await context.newPage();
  await tab.clock.install({ time: at });
  const asked = tab.waitForResponse((r) => new URL(r.url()).pathname === '/v1/polls/open');
  await tab.goto(`chrome-extension://${extensionId}/newtab.html`);
  const body = (await (await asked).json()) as { open: { poll: { question: string } }[] };
  await expect(tab.getByRole('heading', { name: 'Unanswered questions' })).toBeVisible();
  await expect(tab.getByRole('region', { name: 'Rituals' })).toBeVisible();
  return { tab, open: body.open.map((o) => o.poll.question) };
}
const pulse = (tab: Page) => tab.getByRole('region', { name: 'Pulse poll' });

test.setTimeout(240_000);

test('a facilitator schedules a poll in the options page; the member’s new tab shows it when the clock reaches it, and not once paused', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  const t0 = Date.now();
  let serverAt = t0;
  const endpoint = await startEndpoint(['member', 'facilitator'], () => serverAt + (Date.now() - t0));
  const ann = await launchWithExtension();
  const fay = await launchWithExtension();
  try {
    const annOptions = await ann.context.newPage();
    const fayOptions = await fay.context.newPage();
    await join(annOptions, ann.extensionId, endpoint.invites.member, 'Ann');
    await join(fayOptions, fay.extensionId, endpoint.invites.facilitator, 'Fay');

    // A member's options page has no poll scheduling.
    // (Its role is the endpoint's word: the page asks /v1/members/me, and shows nothing after the answer.)
    const askedRole = annOptions.waitForResponse((r) => new URL(r.url()).pathname === '/v1/members/me');
    await annOptions.reload();
    expect(((await (await askedRole).json()) as { role: string }).role).toBe('member');
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
    serverAt = BEFORE;
    const early = await newTabAt(ann.context, ann.extensionId, BEFORE);
    expect(early.open).toEqual([]);
    await expect(pulse(early.tab)).toHaveCount(0);
    await early.tab.close();
    serverAt = OPEN;
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
  } finally {
    await ann.close();
    await fay.close();
    await endpoint.close();
  }
});
