import { describe, expect, it } from 'vitest';
import { relayPlan } from './relay-plan';
import { answer, question, T0 } from '../testing/questions';

describe('relayPlan', () => {
  const chat = {
    platform: 'slack',
    channel: 'infra',
    isPrivate: false,
    messages: [{ id: '1.2', author: 'Ann', permalink: 'https://x.slack.com/archives/C1/p12', text: 'How?' }],
  };
  const q = question('ann', { chat, page: { ...question('ann').page, url: 'https://app.slack.com/client/T1/C1' } });

  it('goes to the view the question was harvested in, near its message, with the drafted reply', () => {
    const a = answer(q, 'bob', T0 + 1, { page: q.page });
    const plan = relayPlan(q, a);
    expect(plan).toEqual({
      ok: true,
      value: {
        url: 'https://app.slack.com/client/T1/C1',
        viewUrl: 'https://app.slack.com/client/T1/C1',
        ref: { id: '1.2', author: 'Ann', permalink: 'https://x.slack.com/archives/C1/p12', timestamp: undefined },
        // Written beside the question (same page): no link back to the thread itself. In Slack's markup.
        draft: `${a.takeaway}\n\nThanks to *bob*, who found this in app.slack.com`,
      },
    });
  });

  it("opens the question's own message when the app links it on its own origin (Zulip's #narrow/…/near/…)", () => {
    const near = 'https://chat.example.com/#narrow/channel/7-design/topic/icons/near/2001';
    const zq = question('ann', {
      chat: { ...chat, platform: 'zulip', messages: [{ id: '2001', permalink: near, text: 'Outlined?' }] },
      page: { ...q.page, url: 'https://chat.example.com/' },
    });
    expect(relayPlan(zq, answer(zq, 'bob', T0 + 1, { takeaway: 'Outlined.' }))).toMatchObject({
      ok: true,
      // Zulip's adapter writes Markdown: the draft is in it.
      value: { url: near, viewUrl: 'https://chat.example.com/', draft: expect.stringMatching(/^Outlined\\\.\n\n\[/) },
    });
  });

  it('links where a harvested answer came from', () => {
    const a = answer(q, 'bob', T0 + 1);
    expect(relayPlan(q, a).ok && relayPlan(q, a)).toMatchObject({
      value: { draft: expect.stringContaining(a.page.url) },
    });
  });

  it('refuses, saying why: not a chat question, not its answer, gone', () => {
    const a = answer(q, 'bob', T0 + 1);
    const { chat: _c, ...web } = q;
    expect(relayPlan(web, answer(web, 'bob', T0 + 1))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not asked in a chat/),
    });
    const other = answer(question('cy'), 'bob', T0 + 1);
    expect(relayPlan(q, other)).toMatchObject({ ok: false, error: expect.stringMatching(/does not answer/) });
    expect(relayPlan(q, other, true).ok).toBe(true);
    expect(relayPlan(q, { ...a, deletedAt: T0 + 2 })).toMatchObject({ ok: false, error: 'That answer is gone.' });
    expect(relayPlan(undefined, a)).toMatchObject({ ok: false, error: 'That question is gone.' });
  });

  it('never relays an answer harvested in a private channel or DM into a community channel', () => {
    const fromDm = answer(q, 'bob', T0 + 1, { chat: { ...chat, channel: 'bob-dm', isPrivate: true } });
    expect(relayPlan(q, fromDm)).toEqual({
      ok: false,
      error: 'That answer was harvested in a private channel or DM, so it is not relayed to a community channel.',
    });
    // A chat that cannot tell whether it is private counts as private.
    const { isPrivate: _p, ...unsure } = chat;
    expect(relayPlan(q, { ...fromDm, chat: unsure }).ok).toBe(false);
    // Private to private (back into the DM it came from) and public to private are fine.
    const privateQ = { ...q, chat: { ...chat, isPrivate: true } };
    expect(relayPlan(privateQ, { ...fromDm, links: { answers: privateQ.id } }).ok).toBe(true);
    expect(relayPlan(privateQ, answer(privateQ, 'bob', T0 + 1, { chat })).ok).toBe(true);
  });
});
