// @vitest-environment jsdom
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOSTILE, postWith } from '../../../lib/testing/ritual-post';
import { sendRitualEmail } from './email';

/** A real SMTP server on loopback (smtp-server), every message parsed back with mailparser. */
const received: { from: string; to: string[]; mail: ParsedMail }[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
          });
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('delivers the ritual post through SMTP: envelope, one-line subject, text and HTML parts, member text inert', async () => {
  const post = { ...postWith(HOSTILE, 'Sarah\r\nBcc: victim@example.org'), title: 'AMA\r\nBcc: victim@example.org' };
  const id = await sendRitualEmail(
    { host: '127.0.0.1', port, secure: false, requireTLS: false, from: 'Commonplace <rituals@example.org>' },
    ['guild@example.org', 'facilitator@example.org'],
    post,
  );
  expect(id).toMatch(/^<.+@.+>$/);
  expect(received).toHaveLength(1);
  const { from, to, mail } = received[0]!;
  expect(from).toBe('rituals@example.org');
  expect(to).toEqual(['guild@example.org', 'facilitator@example.org']);
  // A line break in the title cannot start a header: there is no Bcc, and the subject is one line.
  expect(mail.subject).toBe('AMA Bcc: victim@example.org');
  expect(mail.bcc).toBeUndefined();
  expect(mail.headers.has('bcc')).toBe(false);
  expect(mail.text).toContain('- How do we rotate the staging keys? <https://example.org/q/2> (asked by Sarah)');
  expect(mail.text).toContain(HOSTILE.replace(/\s+/g, ' '));

  const doc = new DOMParser().parseFromString(mail.html as string, 'text/html');
  expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
    'https://wiki.example.org/runbooks/keys?x=1&y=(2)',
    'https://example.org/q/2',
    'https://wiki.example.org/runbooks/keys?x=1&y=(2)',
  ]);
  expect(doc.querySelectorAll('b, img, script')).toHaveLength(0);
  expect(doc.querySelector('li a')!.textContent).toBe(HOSTILE.replace(/\s+/g, ' '));
});
