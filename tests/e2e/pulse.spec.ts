import { BLOCKER_POLL } from '../../lib/pulse/defaults';
import { expect, isTestBuild, test } from './fixtures';
import { createNote, syncNowAndWait as syncNow, joinByHttp } from './pages/community';
import { annAndFay, newTabAt, pollWindow, pulseCard as pulse } from './pages/pulse';

const POLL = { ...BLOCKER_POLL, choices: [], timeZone: 'UTC', minAnswers: 3 };
/** The blocker poll's next window: a day before it (the one before closed ten days earlier), half a day into it. */
const { occ: OCC, before: BEFORE, open: OPEN } = pollWindow(POLL);

test.setTimeout(300_000);

test('a pulse poll opens on schedule in two profiles; an answer meets its note at once; results wait for k; the gap list reaches the huddle agenda', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  // The endpoint's clock: real time while members join, then the day before the window, then inside it.
  const world = await annAndFay();
  const { endpoint, ann, fay, annOptions, fayOptions } = world;
  try {
    const base = new URL(endpoint.invite).origin;

    // The harvest: Ann's note on rotating the API key, from #infra (a chat fixture's answer, our words).
    await createNote(annOptions, {
      kind: 'answer',
      quote: 'Create the new key first, then:\nexport API_KEY=new-key\n./deploy --reload',
      takeaway:
        'Rotate the admin API key without downtime: create the new key, reload the deploy with it, keep both valid for a ten minute overlap, then revoke the old key.',
      tags: [],
      selectors: [],
      page: {
        url: 'https://chat.example.com/infra/1',
        canonicalUrl: 'https://chat.example.com/infra/1',
        title: '#infra',
      },
      chat: { platform: 'slack', channel: 'infra', messages: [] },
      communityId: endpoint.communityId,
    });
    await syncNow(annOptions);
    await syncNow(fayOptions);

    // A facilitator schedules the blocker poll with k = 3 (a third member, by HTTP, does it here).
    const cy = await joinByHttp(base, endpoint.invites.facilitator, 'Cy');
    const pollId = crypto.randomUUID();
    const put = await fetch(`${base}/v1/polls/${pollId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cy.token}` },
      body: JSON.stringify(POLL),
    });
    expect(put.status).toBe(200);

    // Before its window: no poll.
    world.setServerTime(BEFORE);
    const { tab: early, open: openEarly } = await newTabAt(ann.context, ann.extensionId, BEFORE);
    expect(openEarly).toEqual([]);
    await expect(pulse(early)).toHaveCount(0);
    await early.close();

    // On schedule, in both profiles.
    world.setServerTime(OPEN);
    const { tab: annTab } = await newTabAt(ann.context, ann.extensionId, OPEN);
    const { tab: fayTab } = await newTabAt(fay.context, fay.extensionId, OPEN);
    for (const tab of [annTab, fayTab]) {
      await expect(pulse(tab).getByRole('heading', { name: BLOCKER_POLL.question })).toBeVisible();
      await expect(pulse(tab)).toContainText(
        'Not anonymous: your name is shown with your answer once results are out.',
      );
    }

    // Fay answers by keyboard; the harvest's note comes back at once.
    const box = fayTab.getByLabel(`Your answer to “${BLOCKER_POLL.question}”`);
    await box.focus();
    await fayTab.keyboard.type('rotating the admin API key without downtime');
    await fayTab.keyboard.press('Tab');
    await expect(pulse(fayTab).getByRole('button', { name: 'Send answer' })).toBeFocused();
    await fayTab.keyboard.press('Enter');
    await expect(pulse(fayTab).getByRole('status')).toHaveText('Answer sent.');
    await expect(pulse(fayTab)).toContainText('Someone solved this in #infra in');
    await expect(
      pulse(fayTab).getByRole('button', { name: /^Rotate the admin API key without downtime/ }),
    ).toBeVisible();
    await expect(pulse(fayTab)).toContainText('Results appear once 3 members have answered (1 so far).');

    // Ann is blocked on something nothing harvested answers.
    await annTab
      .getByLabel(`Your answer to “${BLOCKER_POLL.question}”`)
      .fill('the Kubernetes upgrade fails on the node pools');
    await pulse(annTab).getByRole('button', { name: 'Send answer' }).click();
    await expect(pulse(annTab)).toContainText('Nothing harvested answers this yet');
    await expect(pulse(annTab)).toContainText('Results appear once 3 members have answered (2 so far).');
    await expect(pulse(annTab).getByRole('list', { name: 'Knowledge requests' })).toHaveCount(0);

    // A third member answers (k = 3): results are released.
    const third = await fetch(`${base}/v1/polls/${pollId}/occurrences/${OCC.key}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cy.token}` },
      body: JSON.stringify({ text: 'blocked on the kubernetes version upgrade' }),
    });
    expect(third.status).toBe(201);
    await annTab.close();
    const { tab: after } = await newTabAt(ann.context, ann.extensionId, OPEN + 60_000);
    const requests = pulse(after).getByRole('list', { name: 'Knowledge requests' }).getByRole('listitem');
    await expect(requests).toHaveCount(1);
    await expect(requests.first()).toContainText('(2 people blocked)');
    await expect(pulse(after)).toContainText('Results (3 answers)');

    // The huddle's agenda carries the gap list.
    const rituals = after.getByRole('region', { name: 'Rituals' });
    await rituals.getByRole('button', { name: 'Compose the post for Problem-solving huddle in Makers' }).click();
    const preview = rituals.getByRole('article', { name: /^Preview: Problem-solving huddle: / });
    await expect(preview.getByRole('heading', { name: 'Knowledge requests from the pulse poll' })).toBeVisible();
    await expect(preview.getByRole('listitem').filter({ hasText: '(2 people blocked)' })).toHaveCount(1);
    await expect(preview).not.toContainText('rotating the admin API key');
  } finally {
    await world.close();
  }
});
