import type { Page } from '@playwright/test';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { createNote, join, startEndpoint, syncNowAndWait as syncNow, joinByHttp } from './pages/community';

const HOUR = 3_600_000;

test.setTimeout(300_000);

test('a "~30 min" answered in one profile reaches the other profile’s facilitator ledger and quarterly report only once five people answered', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  // The endpoint's clock moves with the new tab's injected clock (an hour on), never backwards.
  let offset = 0;
  const endpoint = await startEndpoint(['member', 'facilitator'], () => Date.now() + offset);
  const ann = await launchWithExtension();
  const fay = await launchWithExtension();
  try {
    const annOptions = await ann.context.newPage();
    const fayOptions = await fay.context.newPage();
    await join(annOptions, ann.extensionId, endpoint.invites.member, 'Ann');
    await join(fayOptions, fay.extensionId, endpoint.invites.facilitator, 'Fay');
    const base = new URL(endpoint.invite).origin;

    const noteId = await createNote(annOptions, {
      kind: 'answer',
      quote: 'Create the new key first, then reload the deploy with it.',
      takeaway:
        'Rotate the admin API key without downtime: overlap both keys for ten minutes, then revoke the old one.',
      tags: ['ops'],
      selectors: [],
      page: { url: 'https://example.org/keys', canonicalUrl: 'https://example.org/keys', title: 'Keys' },
      communityId: endpoint.communityId,
    });
    await syncNow(annOptions);

    // Ann opens the note from search (the popup), by keyboard.
    const popup = await ann.context.newPage();
    await popup.goto(`chrome-extension://${ann.extensionId}/popup.html`);
    const box = popup.getByRole('searchbox', { name: 'Search harvested notes' });
    await box.pressSequentially('rotate admin key', { delay: 20 });
    await expect(popup.getByRole('article').first()).toContainText('Rotate the admin API key');
    const opened = ann.context.waitForEvent('page');
    await box.press('Enter');
    await (await opened).close();

    // Four more members, scripted through the API, said the same note saved them nothing ("No").
    for (const name of ['Ben', 'Cy', 'Di', 'Ed']) {
      const m = await joinByHttp(base, endpoint.invites.member, name);
      const res = await fetch(`${base}/v1/community/impact/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}` },
        body: JSON.stringify({
          id: crypto.randomUUID(),
          noteId,
          source: 'search',
          openedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
          answeredAt: new Date(Date.now() - HOUR).toISOString(),
          minutesSaved: 0,
          outcome: null,
          outcomeNoteId: null,
        }),
      });
      expect(res.status).toBe(201);
    }

    // Fay, facilitator, reads the ledger in her own browser: four people, so the figure is hidden.
    const ledger = (page: Page) => page.getByRole('region', { name: /^Impact ledger: Makers/ });
    await fayOptions.reload();
    await expect(ledger(fayOptions).getByLabel('Time saved')).toHaveText('Hidden: fewer than 5 people answered');
    // Ann is a member: the endpoint refuses her the summary, and her options page shows no ledger.
    await annOptions.reload();
    await expect(annOptions.getByRole('switch', { name: 'Name me in impact reports' })).toBeVisible();
    await expect(annOptions.getByRole('region', { name: /^Impact ledger/ })).toHaveCount(0);

    // An hour later (injected clock), Ann's new tab asks about that opening; she answers by keyboard.
    offset = HOUR + 60_000;
    const tab = await ann.context.newPage();
    await tab.clock.install({ time: Date.now() + offset });
    await tab.goto(`chrome-extension://${ann.extensionId}/newtab.html`);
    const prompt = tab.getByRole('region', { name: 'Did it help?' });
    await expect(prompt).toContainText('You opened “Rotate the admin API key');
    const time = prompt.getByRole('group', { name: 'Did this save you time?' });
    await expect(time.getByRole('button')).toHaveText(['~5 min', '~30 min', '~120 min', 'No']);
    await time.getByRole('button', { name: '~30 min' }).focus();
    await tab.keyboard.press('Enter');
    await expect(time.getByRole('button', { name: '~30 min' })).toHaveAttribute('aria-pressed', 'true');
    await prompt.getByRole('button', { name: 'Send' }).click();
    await expect(prompt.getByRole('status')).toHaveText('Thanks, noted for your community’s impact report.');

    // Five people now: Fay's ledger shows Ann's 30 minutes, with no name (Ann has not consented).
    await fayOptions.reload();
    await expect(ledger(fayOptions).getByLabel('Time saved')).toHaveText(
      '30 min saved by 5 people · median 30 min · 0 wins · 0 stories',
    );
    await expect(ledger(fayOptions)).not.toContainText('Named with their consent');

    // She consents in Options: her name appears in the facilitator's next read.
    // The switch moves once the endpoint has stored the consent, so click and wait rather than check().
    await annOptions.getByRole('switch', { name: 'Name me in impact reports' }).click();
    await expect(annOptions.getByRole('switch', { name: 'Name me in impact reports' })).toBeChecked();
    await fayOptions.reload();
    await expect(ledger(fayOptions)).toContainText('Named with their consent: Ann');

    // The quarterly report Fay prints for her sponsor carries the same figure from Ann's answer.
    const [report] = await Promise.all([
      fay.context.waitForEvent('page'),
      fayOptions.getByRole('link', { name: 'Quarterly impact report for Makers' }).click(),
    ]);
    await expect(report.getByRole('article', { name: 'Impact report' })).toContainText(
      'Time saved, as members reported it for the notes they opened: 30 min.',
    );
  } finally {
    await ann.close();
    await fay.close();
    await endpoint.close();
  }
});
