import fc from 'fast-check';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { startReceiver, type Answer } from '../../testing/webhook-receiver';
import { DEFAULT_POLICY, deliverDue } from './deliver';
import { claimDue, enqueue, listOutbox } from './outbox';
import { deliveryKey, enqueueDuePosts } from './schedule';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
const SECRET = 'xoxSECRETPART';

describe.each(BACKENDS)('ritual webhooks on %s', (backend) => {
  const lines: string[] = [];
  const t = useTestServer(backend, { log: (l) => lines.push(l) });
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(() => rx.close());

  const setUp = async (platform = 'slack', url = rx.url) => {
    const c = await t.community('Design guild');
    const res = await t.request('PUT', '/v1/community/webhook', {
      token: c.admin.token,
      body: { platform, url, timeZone: 'UTC' },
    });
    expect(res.status).toBe(200);
    rx.script = [];
    rx.posts.length = 0;
    return c;
  };
  const deliver = () => deliverDue(t.db, { now: () => t.clock.now });
  const states = async (cm: string) => (await listOutbox(t.db, cm)).map((r) => r.state);

  it('keeps the webhook address secret: never in an answer, never in the log; admins only; bad input changes nothing', async () => {
    lines.length = 0;
    const c = await setUp();
    const put = await t.request('PUT', '/v1/community/webhook', {
      token: c.admin.token,
      body: { platform: 'teams', url: rx.url, timeZone: 'Europe/Berlin' },
    });
    expect(put.json).toEqual({
      isConfigured: true,
      platform: 'teams',
      timeZone: 'Europe/Berlin',
      updatedAt: t.clock.now,
    });
    const got = await t.request('GET', '/v1/community/webhook', { token: c.admin.token });
    expect(got.json).toEqual(put.json);
    const deliveries = await t.request('GET', '/v1/community/webhook/deliveries', { token: c.admin.token });
    for (const r of [put, got, deliveries]) expect(r.text).not.toContain(SECRET);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toContain(SECRET);

    const ana = await c.member('Ana');
    expect((await t.request('GET', '/v1/community/webhook', { token: ana.token })).status).toBe(403);
    const before = await t.snapshot();
    for (const body of [
      { platform: 'slack', url: 'http://chat.example.org/hook', timeZone: 'UTC' }, // plain http off this machine
      { platform: 'slack', url: 'https://user:pw@chat.example.org/hook', timeZone: 'UTC' },
      { platform: 'slack', url: 'javascript:alert(1)', timeZone: 'UTC' },
      { platform: 'irc', url: 'https://chat.example.org/hook', timeZone: 'UTC' },
      { platform: 'slack', url: 'https://chat.example.org/hook', timeZone: 'Mars/Olympus' },
    ]) {
      const res = await t.request('PUT', '/v1/community/webhook', { token: c.admin.token, body });
      expect(res.status).toBe(400);
      expect(res.text).not.toContain(SECRET);
    }
    expect(
      (
        await t.request('PUT', '/v1/community/webhook', {
          token: ana.token,
          body: { platform: 'slack', url: rx.url, timeZone: 'UTC' },
        })
      ).status,
    ).toBe(403);
    expect(await t.snapshot()).toBe(before);
  });

  it("posts the day's ritual once on its schedule, however often the scheduler runs", async () => {
    const c = await setUp();
    t.clock.now = Date.UTC(2026, 0, 15, 8, 59); // the AMA's day (anchor 2026-01-15), before 09:00
    expect(await enqueueDuePosts(t.db, t.clock.now)).toEqual([]);
    t.clock.now = Date.UTC(2026, 0, 15, 9, 0);
    expect(await enqueueDuePosts(t.db, t.clock.now)).toEqual([deliveryKey(c.id, 'ama', '2026-01-15')]);
    expect(await enqueueDuePosts(t.db, t.clock.now + 3_600_000)).toEqual([]);
    expect(await deliver()).toBe(1);
    expect(await deliver()).toBe(0);
    expect(rx.posts).toHaveLength(1);
    const post = rx.posts[0] as { text: string; blocks: { type: string }[] };
    expect(post.text).toBe('Ask me anything: Thursday 15 January 2026');
    expect(post.blocks[0]).toMatchObject({ type: 'header' });
    expect(await states(c.id)).toEqual(['delivered']);
  });

  it('Slack 429: waits the Retry-After, then posts once', async () => {
    const c = await setUp('slack');
    await enqueue(t.db, { deliveryKey: 'k-slack', communityId: c.id, payload: { text: 'hi' }, at: t.clock.now });
    rx.script = [{ kind: 'slack-429', retryAfterS: 30 }];
    await deliver();
    expect(await states(c.id)).toEqual(['pending']);
    t.clock.now += 29_999;
    expect(await deliver()).toBe(0);
    t.clock.now += 1;
    expect(await deliver()).toBe(1);
    expect([rx.requests > 0, rx.posts, await states(c.id)]).toEqual([true, [{ text: 'hi' }], ['delivered']]);
  });

  it('Discord 429: waits the JSON retry_after, then posts once', async () => {
    const c = await setUp('discord');
    await enqueue(t.db, { deliveryKey: 'k-discord', communityId: c.id, payload: { embeds: [] }, at: t.clock.now });
    rx.script = [{ kind: 'discord-429', retryAfterS: 1.5 }];
    await deliver();
    t.clock.now += 1499;
    expect(await deliver()).toBe(0);
    t.clock.now += 1;
    expect(await deliver()).toBe(1);
    expect([rx.posts.length, await states(c.id)]).toEqual([1, ['delivered']]);
  });

  it('Teams 5xx is retried with backoff; a 4xx is refused for good and never retried', async () => {
    const c = await setUp('teams');
    await enqueue(t.db, { deliveryKey: 'k-5xx', communityId: c.id, payload: { n: 1 }, at: t.clock.now });
    rx.script = [
      { kind: 'status', status: 502, body: 'Bad gateway' },
      { kind: 'status', status: 503, body: '' },
    ];
    await deliver();
    t.clock.now += DEFAULT_POLICY.baseBackoffMs;
    await deliver();
    t.clock.now += 2 * DEFAULT_POLICY.baseBackoffMs;
    await deliver();
    expect([rx.posts.length, await states(c.id)]).toEqual([1, ['delivered']]);

    await enqueue(t.db, { deliveryKey: 'k-4xx', communityId: c.id, payload: { n: 2 }, at: t.clock.now });
    rx.script = [{ kind: 'status', status: 400, body: `Webhook message delivery failed for ${rx.url}` }];
    await deliver();
    t.clock.now += 86_400_000;
    expect(await deliver()).toBe(0);
    const rows = await listOutbox(t.db, c.id);
    expect(rows.map((r) => r.state)).toEqual(['delivered', 'failed']);
    expect(rows[1]!.lastError).toMatch(/^refused \(400\)/);
    expect(rows[1]!.lastError).not.toContain(SECRET);
  });

  it('a connection refused before sending is retried; an answer lost after sending is never re-sent', async () => {
    const closed = await freePort();
    const c = await setUp('mattermost', `http://127.0.0.1:${closed}/hooks/${SECRET}`);
    await enqueue(t.db, { deliveryKey: 'k-refused', communityId: c.id, payload: { text: 'a' }, at: t.clock.now });
    await deliver();
    const [row] = await listOutbox(t.db, c.id);
    expect([row!.state, row!.lastError]).toEqual(['pending', 'could not connect (ECONNREFUSED)']);

    const d = await setUp('mattermost');
    await enqueue(t.db, { deliveryKey: 'k-drop', communityId: d.id, payload: { text: 'b' }, at: t.clock.now });
    rx.script = [{ kind: 'drop-after' }];
    await deliver();
    t.clock.now += 86_400_000;
    await deliver();
    expect([rx.posts.length, await states(d.id)]).toEqual([1, ['unconfirmed']]);
  });

  it('a worker that died mid-send leaves the post unconfirmed, never sent again', async () => {
    const c = await setUp();
    await enqueue(t.db, { deliveryKey: 'k-crash', communityId: c.id, payload: { text: 'c' }, at: t.clock.now });
    expect(await claimDue(t.db, t.clock.now, 60_000)).not.toBeNull(); // claimed, then the process is gone
    t.clock.now += 60_001;
    expect(await deliver()).toBe(0);
    expect([rx.posts.length, await states(c.id)]).toEqual([0, ['unconfirmed']]);
  });

  it('property: retried under any faults, a post reaches the channel at most once, and exactly once when every fault was reported', async () => {
    const c = await setUp();
    const fault = fc.oneof(
      fc.record({ kind: fc.constant('slack-429' as const), retryAfterS: fc.integer({ min: 0, max: 120 }) }),
      fc.record({
        kind: fc.constant('discord-429' as const),
        retryAfterS: fc.double({ min: 0, max: 60, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('status' as const),
        status: fc.constantFrom(500, 502, 503, 504),
        body: fc.constant(''),
      }),
      fc.constantFrom<Answer>({ kind: 'drop-before' }, { kind: 'drop-after' }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fault, { maxLength: 7 }), fc.integer({ min: 1, max: 3 }), async (faults, workers) => {
        const key = `prop-${run++}`;
        rx.posts.length = 0;
        rx.script = [...faults];
        await enqueue(t.db, { deliveryKey: key, communityId: c.id, payload: { key }, at: t.clock.now });
        // Several workers, the clock jumping a day between rounds: retries are all due, nothing waits.
        for (let round = 0; round < 10; round++) {
          await Promise.all(Array.from({ length: workers }, () => deliver()));
          t.clock.now += 86_400_000;
        }
        const row = (await listOutbox(t.db, c.id)).find((r) => r.deliveryKey === key)!;
        const mine = rx.posts.filter((p) => (p as { key: string }).key === key);
        expect(mine.length).toBeLessThanOrEqual(1);
        const firstUnreported = faults.findIndex((f) => f.kind === 'drop-before' || f.kind === 'drop-after');
        const reported = firstUnreported === -1 ? faults.length : firstUnreported;
        if (firstUnreported === -1 && faults.length < DEFAULT_POLICY.maxAttempts) {
          expect([mine.length, row.state]).toEqual([1, 'delivered']);
        } else if (reported < DEFAULT_POLICY.maxAttempts && firstUnreported !== -1) {
          expect(row.state).toBe('unconfirmed');
          expect(mine.length).toBe(faults[firstUnreported]!.kind === 'drop-after' ? 1 : 0);
        } else {
          expect([mine.length, row.state]).toEqual([0, 'failed']);
        }
        rx.script = [];
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});

/** A loopback port nobody listens on: a real connection refused. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
