import { describe, expect, it } from 'vitest';
import { defaultPolls } from '../pulse/defaults';
import { openOccurrence } from '../pulse/schedule';
import type { PollInput } from '../pulse/schema';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { joinedPair, type TestClient } from '../../tests/property/sync-client';
import { pollSchedule } from './poll-schedule';
import { fetchOpenPolls } from './polls';

const env = useTestEndpoint();
const fetcher = async (url: string, init: RequestInit) => env.server.request(url, init);
const deskOf = (c: TestClient) => pollSchedule(c.db, fetcher, c.now);
const setRole = async (c: TestClient, communityId: string, role: string) => {
  const m = (await c.state.membership(communityId))!;
  await env.server.db.query('UPDATE members SET role = $2 WHERE id = $1', [m.memberId, role]);
  env.server.restart();
};
const ID = '6f1c1e2a-0b7d-4c55-9a8e-3f2d1c0b9a01';

describe('poll scheduling from the options page, through the real endpoint', () => {
  it('a member sees none; a facilitator schedules, pauses, resumes and stops, and members see it follow', async () => {
    const { id, a, b } = await joinedPair(env.server, env.server, env.log, env.clients);
    await setRole(a, id, 'facilitator');
    expect(await deskOf(b).load(id)).toEqual({ ok: true, value: null });
    expect(await deskOf(a).load(id)).toEqual({ ok: true, value: [] });

    // A poll open right now in the member's view: weekly, its occurrence two days ahead, open 3 days before.
    const today = new Date(a.now()).toISOString().slice(0, 10);
    const anchor = new Date(Date.parse(today) + 2 * 86_400_000).toISOString().slice(0, 10);
    const poll: PollInput = { ...defaultPolls('UTC')[0]!, cadence: 'weekly', anchor, minAnswers: 3 };
    expect(openOccurrence(poll, a.now())).not.toBeNull();
    const saved = await deskOf(a).save(id, ID, poll);
    expect(saved.ok && saved.value).toMatchObject({ id: ID, ...poll });
    const membersView = async () => {
      const m = (await b.state.membership(id))!;
      const r = await fetchOpenPolls({ fetcher, endpoint: m.endpoint, token: m.token }, b.now());
      return r.ok ? r.value.map((o) => o.poll.question) : r.error;
    };
    expect(await membersView()).toEqual([poll.question]);

    expect((await deskOf(a).save(id, ID, { ...poll, isActive: false })).ok).toBe(true);
    expect(await membersView()).toEqual([]);
    expect((await deskOf(a).save(id, ID, { ...poll, isActive: true })).ok).toBe(true);
    expect(await membersView()).toEqual([poll.question]);
    expect(await deskOf(a).remove(id, ID)).toEqual({ ok: true, value: undefined });
    expect(await deskOf(a).load(id)).toEqual({ ok: true, value: [] });
  });

  it('refuses in words: bad input before anything is sent, a member’s write by the endpoint', async () => {
    const { id, a, b } = await joinedPair(env.server, env.server, env.log, env.clients);
    await setRole(a, id, 'facilitator');
    const bad = { ...defaultPolls('UTC')[0]!, minAnswers: 2 };
    const r = await deskOf(a).save(id, ID, bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^Not saved: /);
    expect(await deskOf(a).load(id)).toEqual({ ok: true, value: [] });
    // A member's browser that calls anyway (a stale page) is refused by the endpoint, in its words.
    const refused = await deskOf(b).save(id, ID, defaultPolls('UTC')[0]!);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/^Not saved: .+/);
    const stop = await deskOf(b).remove(id, ID);
    expect(!stop.ok && stop.error).toMatch(/^Not stopped: .+/);
    expect(await deskOf(a).load(id)).toEqual({ ok: true, value: [] });
    expect(await deskOf(a).load('not-a-community')).toEqual({
      ok: false,
      error: 'This browser is not a member of that community.',
    });
  });
});
