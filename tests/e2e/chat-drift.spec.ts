import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { capturePanel, expectSaved, selectWithMouse, setExtensionStorage, storedNotes } from './pages/harvest-flow';

// The real 2021 Slack thread pane (tests/fixtures/chat/slack/thread-2021.html), then the drift an app update
// brings: the sender's hooks and the timestamp's class renamed. The adapter still claims the page; layered
// reading recovers time and permalink from the link's data-ts, nothing names the author any more.
const PATH = '/client/T0BBBB0001/C0CCCC0001/thread/C0CCCC0001-1612469638.214000';
const drifted = readFileSync('tests/fixtures/chat/slack/thread-2021.html', 'utf8')
  .replaceAll('data-qa="message_sender_name"', 'data-qa="sender_label"')
  .replace(/ data-message-sender="[^"]*"/g, '')
  .replaceAll('c-timestamp', 'c-stamp');
const QUOTE = 'I have not settled on one yet, so I am collecting opinions before the next sprint.';

test('a chat page whose markup drifted: the panel names the fields it could not read, the note saves with the rest', async ({
  context,
  sw,
  extensionId,
  site,
}) => {
  site.override(PATH, drifted);
  await setExtensionStorage(sw, { 'chat:testHost': '127.0.0.1' });
  const page = await context.newPage();
  await page.goto(`${site.origin}${PATH}`);
  await selectWithMouse(page, '[id$="_1612470565.217500"] .p-rich_text_section', QUOTE);
  await page.getByRole('button', { name: 'Harvest' }).click();

  const panel = capturePanel(page);
  await expect(panel.getByLabel('Chat context')).toContainText('slack');
  const drift = panel.getByRole('status', { name: 'Chat fields not read' });
  await expect(drift).toContainText('Could not read the author from this page');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const notes = (await storedNotes(popup)) as unknown as {
    quote: string;
    chat?: { platform: string; channel?: string; messages: Record<string, unknown>[] };
  }[];
  const note = notes.find((n) => n.quote === QUOTE);
  expect(note?.chat).toMatchObject({ platform: 'slack', channel: 'general' });
  expect(note!.chat!.messages[0]).toEqual({
    id: '1612470565.217500',
    timestamp: '2021-02-04T20:29:25.000Z',
    permalink:
      'https://harbour-guild.slack.com/archives/C0CCCC0001/p1612470565217500?thread_ts=1612469638.214000&cid=C0CCCC0001',
    text: QUOTE,
  });
});

test('on a page it reads in full, the panel reports no missing field', async ({ context, sw, site }) => {
  site.override(PATH, readFileSync('tests/fixtures/chat/slack/thread-2021.html', 'utf8'));
  await setExtensionStorage(sw, { 'chat:testHost': '127.0.0.1' });
  const page = await context.newPage();
  await page.goto(`${site.origin}${PATH}`);
  await selectWithMouse(page, '[id$="_1612470565.217500"] .p-rich_text_section', QUOTE);
  await page.getByRole('button', { name: 'Harvest' }).click();
  const panel = capturePanel(page);
  await expect(panel.getByLabel('Chat context')).toContainText('Rowan Vale');
  await expect(panel.getByRole('status', { name: 'Chat fields not read' })).toHaveCount(0);
});
