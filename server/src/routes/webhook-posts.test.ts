import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { startReceiver } from '../../testing/webhook-receiver';
import { deliverDue } from '../rituals/deliver';
import { listOutbox } from '../rituals/outbox';
import { deliveryKey } from '../rituals/schedule';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe.each(BACKENDS)('POST /v1/community/webhook/posts on %s', (backend) => {
  const t = useTestServer(backend);
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(() => rx.close());

  const setUp = async (platform = 'slack') => {
    const c = await t.community('Design guild');
    const res = await t.request('PUT', '/v1/community/webhook', {
      token: c.admin.token,
      body: { platform, url: rx.url, timeZone: 'UTC' },
    });
    expect(res.status).toBe(200);
    rx.script = [];
    rx.posts.length = 0;
    return c;
  };
  const body = { ritualId: 'ama', day: '2026-12-03', text: 'AMA this Thursday: our edited words' };

  it('posts the edited text once per ritual and day, however often it is asked, and not again by the clock', async () => {
    const c = await setUp();
    const fac = await c.member('Fay', 'facilitator');
    const first = await t.request('POST', '/v1/community/webhook/posts', { token: fac.token, body });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({
      deliveryKey: deliveryKey(c.id, 'ama', body.day),
      isNew: true,
      state: 'delivered',
    });
    expect(rx.posts).toEqual([{ text: body.text }]);

    const again = await t.request('POST', '/v1/community/webhook/posts', {
      token: c.admin.token,
      body: { ...body, text: 'a different second try' },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ isNew: false, state: 'delivered' });
    await deliverDue(t.db, { now: () => t.clock.now });
    expect(rx.posts).toHaveLength(1);
    expect(rx.requests).toBeGreaterThan(0);

    const deliveries = await t.request('GET', '/v1/community/webhook/deliveries', { token: fac.token });
    expect(deliveries.json).toEqual([
      { deliveryKey: deliveryKey(c.id, 'ama', body.day), state: 'delivered', attempts: 1, lastError: null },
    ]);
  });

  it('sends the rendered Block Kit payload as it stands when the edited text is one', async () => {
    const c = await setUp();
    const blocks = { text: 'AMA', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'our *edited* words' } }] };
    await t.request('POST', '/v1/community/webhook/posts', {
      token: c.admin.token,
      body: { ...body, text: JSON.stringify(blocks, null, 2) },
    });
    expect(rx.posts).toEqual([blocks]);
  });

  it("answers in each app's own shape: Discord content, Teams an Adaptive Card", async () => {
    const d = await setUp('discord');
    await t.request('POST', '/v1/community/webhook/posts', { token: d.admin.token, body });
    const teams = await setUp('teams');
    await t.request('POST', '/v1/community/webhook/posts', { token: teams.admin.token, body });
    expect(rx.posts[0]).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: expect.objectContaining({ body: [{ type: 'TextBlock', text: body.text, wrap: true }] }),
        },
      ],
    });
  });

  it('a refused post reads as failed and is not sent again', async () => {
    const c = await setUp();
    rx.script = [{ kind: 'status', status: 404, body: 'no_service' }];
    const res = await t.request('POST', '/v1/community/webhook/posts', { token: c.admin.token, body });
    expect(res.json).toMatchObject({ isNew: true, state: 'failed', lastError: expect.stringContaining('404') });
    const again = await t.request('POST', '/v1/community/webhook/posts', { token: c.admin.token, body });
    expect(again.json).toMatchObject({ isNew: false, state: 'failed' });
    expect(rx.requests).toBeGreaterThan(0);
    expect(rx.posts).toEqual([]);
  });

  it('members are refused; without a webhook or with bad input it says why and changes nothing', async () => {
    const c = await setUp();
    const ana = await c.member('Ana');
    expect((await t.request('GET', '/v1/community/webhook', { token: ana.token })).status).toBe(403);
    const before = await t.snapshot(); // after Ana's first call, which records when her token was last used
    expect((await t.request('POST', '/v1/community/webhook/posts', { token: ana.token, body })).status).toBe(403);
    expect((await t.request('GET', '/v1/community/webhook/deliveries', { token: ana.token })).status).toBe(403);
    for (const bad of [
      { ...body, text: '   ' },
      { ...body, day: '2026-02-30' },
      { ...body, ritualId: '' },
      { ...body, extra: 1 },
      { ...body, text: 'x'.repeat(40_001) },
    ]) {
      const res = await t.request('POST', '/v1/community/webhook/posts', { token: c.admin.token, body: bad });
      expect(res.status).toBe(400);
    }
    expect(await t.snapshot()).toBe(before);

    const none = await t.community('No hook');
    const res = await t.request('POST', '/v1/community/webhook/posts', { token: none.admin.token, body });
    expect(res.status).toBe(409);
    expect(res.text).toContain('no webhook');
    expect(await listOutbox(t.db, none.id)).toEqual([]);
    expect(rx.posts).toEqual([]);
  });
});
