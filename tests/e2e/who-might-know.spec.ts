import AxeBuilder from '@axe-core/playwright';
import { expect, isTestBuild, launchWithExtension, test } from './fixtures';
import { createNote, join, startEndpoint, syncNowAndWait as syncNow } from './pages/community';

const page0 = { url: 'https://example.org/net', canonicalUrl: 'https://example.org/net', title: 'Network desk' };
const NEW_QUESTION = 'Why does the tunnel drop every hour on the office wifi?';

test.setTimeout(300_000);

test('Bea answers vpn questions, Ann sees her under "Who might know" with the evidence; Bea opts out and is no longer suggested', async () => {
  if (!isTestBuild()) throw new Error('Not a test build: build it with `WXT_TEST_HOOKS=1 npx wxt build`');
  const endpoint = await startEndpoint();
  const ann = await launchWithExtension();
  const bea = await launchWithExtension();
  try {
    const annOptions = await ann.context.newPage();
    const beaOptions = await bea.context.newPage();
    await join(annOptions, ann.extensionId, endpoint.invites.member, 'Ann');
    await join(beaOptions, bea.extensionId, endpoint.invites.member, 'Bea');
    const question = (quote: string) => ({
      kind: 'question',
      quote,
      takeaway: '',
      tags: ['vpn'],
      selectors: [],
      page: page0,
      communityId: endpoint.communityId,
    });

    // History: Ann asked two vpn questions and Bea answered both.
    const asked = [
      await createNote(annOptions, question('Which port does the VPN gateway listen on?')),
      await createNote(annOptions, question('Is split tunnelling allowed on the VPN?')),
    ];
    await syncNow(annOptions);
    await syncNow(beaOptions);
    const answers: string[] = [];
    for (const id of asked)
      answers.push(
        await createNote(beaOptions, {
          kind: 'answer',
          quote: '',
          takeaway: 'Written up on the network wiki page.',
          tags: [],
          selectors: [],
          page: page0,
          links: { answers: id },
          communityId: endpoint.communityId,
        }),
      );
    await syncNow(beaOptions);
    await createNote(annOptions, question(NEW_QUESTION));
    await syncNow(annOptions);

    const tab = await ann.context.newPage();
    await tab.goto(`chrome-extension://${ann.extensionId}/newtab.html`);
    const line = tab
      .getByRole('region', { name: 'Unanswered questions' })
      .getByRole('listitem')
      .filter({ hasText: NEW_QUESTION });
    const disclosure = line.getByRole('button', { name: /^Who might know: / });
    await disclosure.focus();
    await tab.keyboard.press('Enter');
    await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    const panel = line.getByRole('region', { name: /^Who might know: / });
    const beaItem = panel.getByRole('list', { name: 'Suggested members' }).getByRole('listitem', { name: 'Bea' });
    await expect(beaItem).toBeVisible();
    // Her evidence links to her two answers.
    const reason = 'answered 2 questions on vpn in Network desk';
    const links = [
      beaItem.getByRole('link', { name: reason, exact: true }),
      beaItem.getByRole('link', { name: `${reason}, note 2` }),
    ];
    const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
    expect(hrefs.sort()).toEqual(answers.map((id) => `note.html?id=${encodeURIComponent(id)}`).sort());
    await expect(panel.getByRole('listitem', { name: 'Ann' })).toHaveCount(0);
    const axe = await new AxeBuilder({ page: tab }).include('.unanswered').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // Bea sees her own profile and opts out in her options page.
    await beaOptions.reload();
    const mine = beaOptions.getByRole('region', { name: 'Who might know: your profile in Makers' });
    await expect(mine.getByRole('list', { name: 'Your topics in Makers' })).toContainText('vpn');
    const toggle = mine.getByRole('switch', { name: 'Suggest me as someone who might know' });
    await expect(toggle).toBeChecked();
    await toggle.press('Space'); // the switch follows the endpoint: it turns once the PUT is answered
    await expect(toggle).not.toBeChecked();
    await expect(mine.getByRole('alert')).toHaveCount(0);
    const optionsAxe = await new AxeBuilder({ page: beaOptions }).include('.my-expertise').analyze();
    expect(optionsAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // After Ann's sync, her new tab no longer suggests Bea.
    await syncNow(annOptions);
    await expect(async () => {
      await tab.reload();
      await disclosure.click();
      await expect(panel).toContainText('Nobody’s harvested help fits this question yet.', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(panel.getByRole('listitem', { name: 'Bea' })).toHaveCount(0);
  } finally {
    await ann.close();
    await bea.close();
    await endpoint.close();
  }
});
