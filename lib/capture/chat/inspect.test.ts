import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, loadFixtures, locationOf } from '../../../tests/fixtures/chat/load';
import { formatInspection, inspectPage, savedFromUrl } from './inspect';

const slack2021 = loadFixtures('slack').find((f) => f.name === 'thread-2021')!;

describe('chat:inspect', () => {
  it('names the adapter that claims a saved page and what it read, with nothing missing on a known layout', () => {
    const found = inspectPage(slack2021.open().doc, locationOf(slack2021.expected.url));
    expect(found.adapter).toBe('slack');
    expect(found.place).toEqual(slack2021.expected.context);
    expect(found.rows.map((r) => r.message)).toEqual(slack2021.expected.messages);
    expect(found.rows.every((r) => r.missing.length === 0)).toBe(true);
  });

  it('lists the fields it could not read when the markup drifted', () => {
    const { doc } = slack2021.open();
    for (const el of Array.from(doc.querySelectorAll('.c-message__sender, a.c-timestamp'))) el.remove();
    const found = inspectPage(doc, locationOf(slack2021.expected.url));
    // The list item's id still carries the message's ts, so id and time survive; author and permalink do not.
    expect(found.rows[0]!.message.id).toBe('1612469638.214000');
    expect(found.rows[0]!.missing).toEqual(['author', 'permalink']);
    expect(formatInspection(found, slack2021.expected.url)).toContain('author, permalink');
  });

  it('says so when no adapter claims the page', () => {
    const doc = new JSDOM('<p>Just a page</p>', { url: 'https://example.com/x' }).window.document;
    const found = inspectPage(doc, { hostname: 'example.com', pathname: '/x' });
    expect(found).toEqual({ adapter: null, rows: [] });
    expect(formatInspection(found, 'https://example.com/x')).toContain('No adapter matched');
  });

  it("reads the address from Chrome's saved-from mark, else the canonical link", () => {
    const html = '<!-- saved from url=(0040)https://app.slack.com/client/T1/C1 -->\n<html><body></body></html>';
    expect(savedFromUrl(html, new JSDOM(html).window.document)).toBe('https://app.slack.com/client/T1/C1');
    const crawler = loadFixtures('discourse').find((f) => f.name === 'crawler-2020')!;
    expect(savedFromUrl(crawler.html, crawler.open().doc)).toBe(crawler.expected.url);
  });

  it('runs as `npm run chat:inspect -- page.html --url URL` and prints the table', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/chat-inspect.ts',
        join(FIXTURE_ROOT, 'slack/thread-2021.html'),
        '--url',
        slack2021.expected.url,
      ],
      { encoding: 'utf8' },
    );
    expect(out).toContain('adapter: slack');
    expect(out).toContain('channel: general');
    expect(out).toContain('11 messages');
    expect(out).toMatch(/^1 +1612469638\.214000 +Rowan Vale /m);
  }, 120_000); // a child Node compiling the script with tsx: seconds alone, far more beside a loaded CI run
});
