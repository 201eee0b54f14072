import AxeBuilder from '@axe-core/playwright';
import { DAY_MS } from '../../lib/digest/time';
import { makeNote } from '../../lib/testing/digest-seed';
import { test, expect } from './fixtures';
import { seedExtensionDb } from './digest-seed';

const carol = { id: 'u-carol', name: 'Carol Chen' };
const bob = { id: 'u-bob', name: 'Bob Baker' };
const dana = { id: 'u-dana', name: 'Dana Diaz' };

test('a facilitator previews the AMA post from the harvest, edits it for Zulip and copies it, all by keyboard', async ({
  context,
  extensionId,
}) => {
  const now = Date.now();
  const asked = makeNote({
    createdAt: now - 5 * DAY_MS,
    kind: 'question',
    author: carol,
    takeaway: 'How do you version design tokens?',
  });
  const hostile = makeNote({
    createdAt: now - 2 * DAY_MS,
    kind: 'question',
    author: bob,
    takeaway: '*Who* owns <@here> [the CI](https://evil.example)?',
  });
  const meToo = (by: typeof bob) => makeNote({ createdAt: now - DAY_MS, author: by, links: { addsTo: asked.id } });
  const origin = `chrome-extension://${extensionId}`;

  const page = await context.newPage();
  await page.goto(`${origin}/newtab.html`); // creates the database
  await seedExtensionDb(page, {
    notes: [asked, hostile, meToo(bob), meToo(dana)],
    kv: [
      { key: 'sync:member:c1', value: { communityId: 'c1', communityName: 'Design guild', memberId: 'u-me' } },
      { key: 'sync:settings', value: { endpoint: '', clientId: 'x', displayName: 'Sam' } },
    ],
  });
  await page.goto(`${origin}/newtab.html`);
  await expect(page.locator('main[data-state="ready"]')).toBeVisible();

  const rituals = page.getByRole('region', { name: 'Rituals' });
  const open = rituals.getByRole('button', { name: 'Compose the post for Ask me anything in Design guild' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(open).toHaveAttribute('aria-expanded', 'true');

  const composer = rituals.getByRole('group', { name: 'Post for Ask me anything' });
  const preview = composer.getByRole('article', { name: /^Preview: Ask me anything: / });
  const items = preview.getByRole('listitem');
  await expect(items).toHaveText([
    'How do you version design tokens? (asked by Carol Chen; two people asked too)',
    '*Who* owns <@here> [the CI](https://evil.example)? (asked by Bob Baker)',
  ]);
  // Member text is text: the only links are the notes' own pages.
  await expect(preview.getByRole('link')).toHaveCount(2);
  await expect(preview.getByRole('link', { name: 'How do you version design tokens?' })).toHaveAttribute(
    'href',
    asked.page.url,
  );

  const format = composer.getByLabel('Format');
  await format.focus();
  await format.selectOption('zulip');
  const text = composer.getByLabel('Post text for Zulip (Markdown)');
  await expect(text).toHaveValue(/^\*\*Ask me anything\\: /);
  await expect(text).toHaveValue(
    /\\\*Who\\\* owns \\<\\@⁠here\\> \\\[the CI\\\]\\\(https\\:\\\/\\\/evil\\\.example\\\)\\\?/,
  );

  await text.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nSee you there!');
  await page.keyboard.press('Tab'); // to Copy
  await expect(composer.getByRole('button', { name: 'Copy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(composer.getByRole('status')).toHaveText('Copied. Paste it into the channel.');
  // What was copied is what the browser's clipboard pastes: clear the box and paste it back.
  const edited = await text.inputValue();
  expect(edited.endsWith('\nSee you there!')).toBe(true);
  await text.fill('');
  await text.focus();
  await page.keyboard.press('Control+V');
  await expect(text).toHaveValue(edited);

  // Another format starts from the composed post; Undo brings Zulip's back.
  await format.selectOption('slack');
  await expect(composer.getByLabel('Post text for Slack (Block Kit JSON)')).toHaveValue(/"type": "header"/);
  await format.selectOption('zulip');
  await composer.getByRole('button', { name: 'Undo my edits' }).click();
  await expect(text).not.toHaveValue(/See you there!/);

  const axe = await new AxeBuilder({ page }).include('.ritual-composer').analyze();
  expect(axe.violations).toEqual([]);
});
