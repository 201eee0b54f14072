import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BLOCKER_POLL, USEFULNESS_POLL } from '../../lib/pulse/defaults';
import { OpenPollListSchema, PollResultsSchema, PollSchema } from '../../lib/pulse/schema';
import { BACKENDS, useTestServer } from '../testing/harness';

/** Inside the blocker poll's window before the huddle of 2026-01-21 (opens the 18th, UTC). */
const OPEN_AT = Date.UTC(2026, 0, 19, 12);
const blocker = (over: object = {}) => ({ ...BLOCKER_POLL, choices: [], timeZone: 'UTC', minAnswers: 3, ...over });

describe.each(BACKENDS)('pulse polls API on %s', (backend) => {
  const t = useTestServer(backend);

  async function setUp(pollOver: object = {}) {
    const c = await t.community();
    const facilitator = await c.member('Fay', 'facilitator');
    const members = [await c.member('Ana'), await c.member('Ben'), await c.member('Cy'), await c.member('Di')];
    const id = randomUUID();
    const put = await t.request('PUT', `/v1/polls/${id}`, { token: facilitator.token, body: blocker(pollOver) });
    expect(put.status).toBe(200);
    t.clock.now = OPEN_AT;
    return { c, facilitator, members, id, poll: PollSchema.parse(put.json) };
  }

  it('lets facilitators schedule polls and members list the ones open now', async () => {
    const { members, id, poll } = await setUp();
    expect(poll).toMatchObject({ question: BLOCKER_POLL.question, minAnswers: 3, isAnonymous: false });
    const open = OpenPollListSchema.parse(
      (await t.request('GET', '/v1/polls/open', { token: members[0]!.token })).json,
    );
    expect(open.open).toEqual([
      {
        poll,
        occurrence: { key: '2026-01-21', opensAt: Date.UTC(2026, 0, 18), closesAt: Date.UTC(2026, 0, 21) },
        hasAnswered: false,
      },
    ]);
    t.clock.now = Date.UTC(2026, 0, 21, 1); // the huddle day: closed
    expect((await t.request('GET', '/v1/polls/open', { token: members[0]!.token })).json.open).toEqual([]);
    expect((await t.request('GET', '/v1/polls', { token: members[0]!.token })).json.polls[0].id).toBe(id);
  });

  it('refuses scheduling to members, and bad polls to anyone, changing nothing', async () => {
    const c = await t.community();
    const member = await c.member('Ana');
    const id = randomUUID();
    expect((await t.request('PUT', `/v1/polls/${id}`, { token: member.token, body: blocker() })).status).toBe(403);
    await t.request('GET', '/v1/polls', { token: c.admin.token }); // its token's last use is recorded now, not below
    const before = await t.snapshot();
    for (const body of [
      blocker({ minAnswers: 2 }),
      blocker({ question: '  ' }),
      blocker({ question: 'a\u0000b' }),
      blocker({ timeZone: 'Mars/Olympus' }),
      blocker({ anchor: '2026-02-30' }),
      blocker({ choices: ['only one'] }),
      blocker({ choices: ['same', 'same'] }),
      blocker({ openDays: 8 }),
      { ...blocker(), extra: 1 },
    ]) {
      const res = await t.request('PUT', `/v1/polls/${id}`, { token: c.admin.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('bad_request');
    }
    expect((await t.request('PUT', '/v1/polls/not-a-uuid', { token: c.admin.token, body: blocker() })).status).toBe(
      400,
    );
    expect(await t.snapshot()).toBe(before);
  });

  it('withholds results below k, then shows them with who said what', async () => {
    const { members, id } = await setUp();
    const answer = (i: number, text: string) =>
      t.request('POST', `/v1/polls/${id}/occurrences/2026-01-21/answers`, { token: members[i]!.token, body: { text } });
    const first = await answer(0, 'The VPN drops every hour');
    expect(first.status).toBe(201);
    expect(PollResultsSchema.parse(first.json)).toEqual({
      pollId: id,
      occurrence: '2026-01-21',
      answerCount: 1,
      minAnswers: 3,
      isWithheld: true,
    });
    await answer(1, 'Kubernetes upgrade');
    const read = () => t.request('GET', `/v1/polls/${id}/occurrences/2026-01-21/results`, { token: members[3]!.token });
    expect((await read()).json).toMatchObject({ answerCount: 2, isWithheld: true });
    expect((await read()).json.answers).toBeUndefined();
    await answer(2, 'Terraform state lock');
    const shown = PollResultsSchema.parse((await read()).json);
    expect(shown.isWithheld).toBe(false);
    expect(shown.answers).toHaveLength(3);
    expect(shown.answers!.find((a) => a.text === 'Kubernetes upgrade')!.member!.name).toBe('Ben');
  });

  it('never stores nor shows the member behind an anonymous answer', async () => {
    const { members, id } = await setUp({ isAnonymous: true });
    for (const [i, m] of members.slice(0, 3).entries()) {
      const res = await t.request('POST', `/v1/polls/${id}/occurrences/2026-01-21/answers`, {
        token: m.token,
        body: { text: `blocker ${i}` },
      });
      expect(res.status).toBe(201);
    }
    const res = await t.request('GET', `/v1/polls/${id}/occurrences/2026-01-21/results`, { token: members[0]!.token });
    expect(res.json.answers.map((a: object) => Object.keys(a))).toEqual([['text'], ['text'], ['text']]);
    const { rows } = await t.db.query('SELECT member_id FROM poll_answers');
    expect(rows).toEqual([{ member_id: null }, { member_id: null }, { member_id: null }]);
    for (const m of members.slice(0, 3)) expect(res.text).not.toContain(m.member.id);
  });

  it('counts choices only at k, and refuses a choice the poll does not offer', async () => {
    const { members, id } = await setUp({
      ...USEFULNESS_POLL,
      choices: [...USEFULNESS_POLL.choices],
      anchor: '2026-01-21',
      minAnswers: 3,
    });
    const url = `/v1/polls/${id}/occurrences/2026-01-21/answers`;
    expect((await t.request('POST', url, { token: members[0]!.token, body: { choice: 'Maybe' } })).status).toBe(400);
    expect((await t.request('POST', url, { token: members[0]!.token, body: { text: 'free' } })).status).toBe(400);
    for (const [i, choice] of ['Yes, very', 'Somewhat', 'Yes, very'].entries()) {
      expect((await t.request('POST', url, { token: members[i]!.token, body: { choice } })).status).toBe(201);
    }
    const res = await t.request('GET', `/v1/polls/${id}/occurrences/2026-01-21/results`, { token: members[3]!.token });
    expect(res.json).toMatchObject({ isWithheld: false, counts: { 'Yes, very': 2, Somewhat: 1, 'Not really': 0 } });
    expect(res.json.answers).toBeUndefined();
  });

  it('takes one answer per member per occurrence: a second one is refused and changes nothing', async () => {
    const { members, id } = await setUp();
    const url = `/v1/polls/${id}/occurrences/2026-01-21/answers`;
    expect((await t.request('POST', url, { token: members[0]!.token, body: { text: 'first' } })).status).toBe(201);
    const before = await t.snapshot();
    const again = await t.request('POST', url, { token: members[0]!.token, body: { text: 'second' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('conflict');
    expect(await t.snapshot()).toBe(before);
    const open = (await t.request('GET', '/v1/polls/open', { token: members[0]!.token })).json.open;
    expect(open[0].hasAnswered).toBe(true);
  });

  it('refuses answers to closed, made-up or foreign occurrences and polls', async () => {
    const { members, id } = await setUp();
    const post = (key: string, pid = id) =>
      t.request('POST', `/v1/polls/${pid}/occurrences/${key}/answers`, {
        token: members[0]!.token,
        body: { text: 'x' },
      });
    expect((await post('2026-02-04')).status).toBe(422); // a real occurrence, not open yet
    expect((await post('2026-01-22')).status).toBe(422);
    expect((await post('2026-01-21', randomUUID())).status).toBe(404);
    const other = await t.community('Other');
    const theirs = randomUUID();
    await t.request('PUT', `/v1/polls/${theirs}`, { token: other.admin.token, body: blocker() });
    expect((await post('2026-01-21', theirs)).status).toBe(404);
    expect(
      (await t.request('GET', `/v1/polls/${theirs}/occurrences/2026-01-21/results`, { token: members[0]!.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/v1/polls/${id}/occurrences/2026-01-22/results`, { token: members[0]!.token })).status,
    ).toBe(404);
  });

  it('deletes a poll with its answers, facilitators only', async () => {
    const { members, facilitator, id } = await setUp();
    await t.request('POST', `/v1/polls/${id}/occurrences/2026-01-21/answers`, {
      token: members[0]!.token,
      body: { text: 'x' },
    });
    expect((await t.request('DELETE', `/v1/polls/${id}`, { token: members[0]!.token })).status).toBe(403);
    expect((await t.request('DELETE', `/v1/polls/${id}`, { token: facilitator.token })).status).toBe(204);
    expect((await t.db.query('SELECT * FROM poll_answers')).rows).toEqual([]);
    expect((await t.request('DELETE', `/v1/polls/${id}`, { token: facilitator.token })).status).toBe(404);
  });
});
