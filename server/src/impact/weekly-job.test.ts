import { simpleParser, type ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutes } from '../../../lib/impact/format';
import { previousIsoWeek } from '../../../lib/impact/weekly-mail';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { uuidv7 } from 'uuidv7';
import { client, makeNote } from '../../testing/notes';
import { listOutbox } from '../rituals/outbox';
import { startRitualRunner } from '../rituals/runner';
import { ledgerSummary } from './summary';
import { weekQuestions } from './weekly-questions';

/** A real SMTP server on loopback; `deferNext` makes it answer the next messages 451 (try again later). */
const received: { to: string[]; mail: ParsedMail }[] = [];
let deferNext = 0;
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
          if (deferNext > 0) {
            deferNext--;
            return callback(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
          }
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
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

const smtp = () => ({
  host: '127.0.0.1',
  port,
  secure: false,
  requireTLS: false,
  from: 'Commonplace <hub@example.org>',
});
const MONDAY = Date.UTC(2026, 0, 19, 9); // the Monday after the harness's Thursday, 2026-01-15

describe.each(BACKENDS)('the weekly facilitator summary on %s', (backend) => {
  const t = useTestServer(backend, { smtp });
  const PATH = '/v1/community/me/weekly-summary';

  /**
   * A community whose facilitator and admin opted in, a member refused, `answering` members who said what a
   * note saved them, and questions: one asked and answered this week, one asked this week and one the week
   * before, both open.
   */
  async function setUp(name: string, answering: number) {
    const c = await t.community(name);
    const fay = await c.member(`Fay ${name.length}`, 'facilitator');
    const mo = await c.member('Mo');
    for (const [who, email] of [
      [fay, 'fay@example.org'],
      [c.admin, 'admin@example.org'],
    ] as const) {
      expect((await t.request('PUT', PATH, { token: who.token, body: { email } })).status).toBe(200);
    }
    const refused = await t.request('PUT', PATH, { token: mo.token, body: { email: 'mo@example.org' } });
    expect(refused.status).toBe(403);

    const day = (d: number) => Date.UTC(2026, 0, d, 10);
    const answered = makeNote({ kind: 'question', createdAt: day(13), updatedAt: day(13) });
    const open = makeNote({ kind: 'question', createdAt: day(14), updatedAt: day(14) });
    const older = makeNote({ kind: 'question', createdAt: day(6), updatedAt: day(6) });
    const answer = makeNote({ createdAt: day(14), updatedAt: day(14), links: { answers: answered.id } });
    const me = client();
    const push = await t.request('POST', '/v1/sync/push', {
      token: fay.token,
      body: { mutations: [answered, open, older, answer].map((n) => me.create(n)) },
    });
    expect(push.status, push.text).toBe(200);
    for (let i = 0; i < answering; i++) {
      const m = await c.member(`Member ${i}`);
      const res = await t.request('POST', '/v1/community/impact/entries', {
        token: m.token,
        body: {
          id: randomUUID(),
          noteId: answer.id,
          source: 'search',
          openedAt: new Date(t.clock.now - 3_600_000).toISOString(),
          answeredAt: new Date(t.clock.now).toISOString(),
          minutesSaved: i % 2 ? 30 : 120,
          outcome: i === 0 ? 'win' : null,
          outcomeNoteId: null,
        },
      });
      expect(res.status, res.text).toBe(201);
    }
    return { id: c.id, fay, mo, admin: c.admin };
  }

  const runner = () =>
    startRitualRunner(t.db, { now: () => t.clock.now, smtp: smtp(), intervalMs: 3_600_000, log: () => {} });
  const mailsTo = (address: string) => received.filter((r) => r.to.includes(address));

  it('mails each opted-in facilitator once per week, however often the job runs, with the ledger figures', async () => {
    received.length = 0;
    const shown = await setUp('Ops <b>&</b> "Guild"', 6);
    t.clock.now = MONDAY;
    const r = runner();
    await r.tick();
    await r.tick();
    await r.stop();
    await runner().tick(); // a restarted process, same week

    expect(received.map((m) => m.to).sort()).toEqual([['admin@example.org'], ['fay@example.org']]);
    const week = previousIsoWeek(MONDAY, 'UTC');
    expect(week.key).toBe('2026-W03');
    const ledger = await ledgerSummary(t.db, shown.id, week.start, week.end);
    expect(ledger.total).not.toBeNull();
    const { mail } = mailsTo('fay@example.org')[0]!;
    expect(mail.subject).toBe('Ops <b>&</b> "Guild": weekly summary 2026-W03');
    expect(mail.text).toContain(
      `- Time saved: ${minutes(ledger.total!.minutesSaved)} (${ledger.total!.entries} answers from ${ledger.total!.members} people)`,
    );
    expect(ledger.total).toMatchObject({ minutesSaved: 3 * 120 + 3 * 30, entries: 6, members: 6, wins: 1 });
    expect(mail.text).toContain(`- Wins: ${ledger.total!.wins}\n- Stories: ${ledger.total!.stories}`);
    expect(mail.text).toContain('- Asked: 2\n- Answered: 1\n- Open at the end of the week: 2');
    expect(mail.html).toContain('Ops &lt;b&gt;&amp;&lt;/b&gt; &quot;Guild&quot;');
    expect(mail.html).not.toMatch(/<b>/);
    const rows = (await listOutbox(t.db, shown.id)).filter((o) => o.deliveryKey.startsWith('weekly:'));
    expect(rows.map((o) => [o.state, o.attempts])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
    ]);

    // The next week is a new summary, once again.
    t.clock.now = MONDAY + 7 * 86_400_000;
    await runner().tick();
    await runner().tick();
    expect(mailsTo('fay@example.org')).toHaveLength(2);
  });

  it('a hidden cell is words, never a number', async () => {
    received.length = 0;
    await setUp('Small', 2);
    t.clock.now = MONDAY;
    await runner().tick();
    const { mail } = mailsTo('fay@example.org')[0]!;
    expect(mail.text).toContain('- Time saved: fewer than 5 people answered\n- Wins: fewer than 5 people');
    expect(mail.text).not.toMatch(/Time saved: \d/);
  });

  it('after the server defers a mail (451), retries it and delivers it exactly once', async () => {
    received.length = 0;
    const c = await setUp('Deferred', 0);
    t.clock.now = MONDAY;
    deferNext = 1;
    const r = runner();
    await r.tick();
    expect(received).toHaveLength(1); // one of the two went through, the other was deferred
    const deferred = (await listOutbox(t.db, c.id)).find((o) => o.state === 'pending')!;
    expect(deferred).toMatchObject({ attempts: 1 });
    expect(deferred.lastError).toContain('451');
    await r.tick(); // not due yet: backoff
    expect(received).toHaveLength(1);
    t.clock.now = MONDAY + 60_000;
    await r.tick();
    await r.tick();
    await r.stop();
    await runner().tick();
    expect(received.map((m) => m.to).sort()).toEqual([['admin@example.org'], ['fay@example.org']]);
    expect((await listOutbox(t.db, c.id)).map((o) => o.state)).toEqual(['delivered', 'delivered']);
  });

  it('sends nothing to someone who left or was demoted', async () => {
    received.length = 0;
    const c = await setUp('Left', 0);
    await t.request('DELETE', '/v1/members/me', { token: c.fay.token });
    t.clock.now = MONDAY;
    await runner().tick();
    expect(received.map((m) => m.to)).toEqual([['admin@example.org']]);
  });
  it('counts a question an asker said was not answered as open, as the question model does', async () => {
    received.length = 0;
    const c = await t.community('Confirmations');
    const fay = await c.member('Fay', 'facilitator');
    const bo = await c.member('Bo');
    expect((await t.request('PUT', PATH, { token: fay.token, body: { email: 'fay@example.org' } })).status).toBe(200);
    const day = (d: number) => Date.UTC(2026, 0, d, 10);
    const question = (d: number) => makeNote({ kind: 'question', createdAt: day(d), updatedAt: day(d) });
    const answer = (q: { id: string }, d: number) =>
      makeNote({ kind: 'answer', createdAt: day(d), updatedAt: day(d), links: { answers: q.id } });
    const no = (d: number) => ({ id: uuidv7(), type: 'confirmed', at: day(d), isAnswered: false });
    // Week W03 runs 12 to 18 January. Bo asks; Bo (the asker) or Fay (a facilitator) confirm.
    const before = question(6); // answered the week before, "no" this week: open at the end of the week
    const again = question(13); // answered, "no", answered again (a linked note), all this week: answered
    const undone = question(13); // answered on the 14th, "no" on the 16th: open
    const resolved = question(12); // relayed, then "yes": answered
    const first = [answer(before, 7), answer(again, 13), answer(undone, 14)];
    const relayedAnswer = answer(resolved, 12);
    const bos = client();
    const pushed = await t.request('POST', '/v1/sync/push', {
      token: bo.token,
      body: {
        mutations: [before, again, undone, resolved, ...first, relayedAnswer].map((n) => bos.create(n)),
      },
    });
    expect(pushed.status, pushed.text).toBe(200);
    const linked = makeNote({ createdAt: day(15), updatedAt: day(15) });
    const events = await t.request('POST', '/v1/sync/push', {
      token: bo.token,
      body: {
        mutations: [
          bos.questionEvent(before.id, no(13)),
          bos.questionEvent(again.id, no(14)),
          bos.create(linked),
          bos.questionEvent(again.id, { id: uuidv7(), type: 'answer-linked', at: day(15), noteId: linked.id }),
          bos.questionEvent(resolved.id, { id: uuidv7(), type: 'relayed', at: day(13), answerId: relayedAnswer.id }),
        ],
      },
    });
    expect(events.status, events.text).toBe(200);
    const fays = await t.request('POST', '/v1/sync/push', {
      token: fay.token,
      body: {
        mutations: [
          client().questionEvent(undone.id, no(16)),
          client().questionEvent(resolved.id, { id: uuidv7(), type: 'confirmed', at: day(14), isAnswered: true }),
        ],
      },
    });
    expect(fays.status, fays.text).toBe(200);

    const week = previousIsoWeek(MONDAY, 'UTC');
    expect(await weekQuestions(t.db, c.id, week.start, week.end)).toEqual({ asked: 3, answered: 2, open: 2 });
    // The week before saw one question asked and answered, and nothing of what came after.
    expect(await weekQuestions(t.db, c.id, week.start - 7 * 86_400_000, week.start)).toEqual({
      asked: 1,
      answered: 1,
      open: 0,
    });
    t.clock.now = MONDAY;
    await runner().tick();
    expect(mailsTo('fay@example.org')[0]!.mail.text).toContain(
      '- Asked: 3\n- Answered: 2\n- Open at the end of the week: 2',
    );
  });
  it('mails a community the week and months of its own ledger zone, from its local Monday', async () => {
    received.length = 0;
    const c = await setUp('Pacific', 6); // six answers on Thursday 15 January
    const zone = 'America/Los_Angeles';
    const set = await t.request('PUT', '/v1/community/impact/settings', {
      token: c.admin.token,
      body: { k: 5, timeZone: zone },
    });
    expect(set.status).toBe(200);
    const keys = async () =>
      (await listOutbox(t.db, c.id))
        .map((o) => o.deliveryKey.split(':')[2])
        .filter((k, i, all) => all.indexOf(k) === i);
    // Monday 07:59 UTC is still Sunday 23:59 in Los Angeles: the local week of 12 to 18 January is not over.
    t.clock.now = Date.UTC(2026, 0, 19, 7, 59);
    await runner().tick();
    expect(await keys()).toEqual(['2026-W02']);
    t.clock.now = Date.UTC(2026, 0, 19, 8, 0); // Monday 00:00 in Los Angeles
    await runner().tick();
    expect(await keys()).toEqual(['2026-W02', '2026-W03']);
    const mails = mailsTo('fay@example.org').filter((m) => m.mail.subject?.endsWith('2026-W03'));
    expect(mails).toHaveLength(1);
    const { text } = mails[0]!.mail;
    expect(text).toContain(`2026-01-12 to 2026-01-18 (${zone})`);
    expect(text).toContain(`Impact ledger, whole months January 2026 (${zone})`);
    const week = previousIsoWeek(t.clock.now, zone);
    expect([week.start, week.end]).toEqual([Date.UTC(2026, 0, 12, 8), Date.UTC(2026, 0, 19, 8)]);
    const ledger = await ledgerSummary(t.db, c.id, week.start, week.end);
    expect(ledger).toMatchObject({ timeZone: zone, from: '2026-01-01T08:00:00.000Z', to: '2026-02-01T08:00:00.000Z' });
    expect(text).toContain(`- Time saved: ${minutes(ledger.total!.minutesSaved)} (6 answers from 6 people)`);
  });
});
