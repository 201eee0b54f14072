import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncState } from '../db/sync-state';
import { ENDPOINT, startTestServer, type TestServer } from '../../tests/property/sync-harness';
import { draftIn as draft, makeClient, type TestClient, type WireLog } from '../../tests/property/sync-client';
import { INSECURE_ENDPOINT, isTokenSafeEndpoint } from './endpoint';
import { formatInviteLink } from './protocol';

/** Two real endpoints: ours at ENDPOINT, and another at EVIL that claims our community's id. */
const EVIL = 'https://evil.test';
let home: TestServer;
let evil: TestServer;
let log: WireLog;
const clients: TestClient[] = [];
const seen: string[] = [];

beforeAll(async () => {
  [home, evil] = await Promise.all([startTestServer(), startTestServer()]);
}, 300_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all([home.close(), evil.close()]);
});
beforeEach(async () => {
  await Promise.all([home.reset(), evil.reset()]);
  seen.length = 0;
  log = { push: [], pulls: [], generation: 0 };
});

/** Routes each request to the endpoint its URL names (both apps answer as if at ENDPOINT). */
const both: TestServer = new Proxy({} as TestServer, {
  get: (_t, key: keyof TestServer) =>
    key === 'request'
      ? (url: string, init: RequestInit) => {
          seen.push(url);
          return url.startsWith(EVIL) ? evil.request(ENDPOINT + url.slice(EVIL.length), init) : home.request(url, init);
        }
      : home[key],
});

describe('memberships are keyed by (server, community)', () => {
  it('a second server claiming a joined community is refused: the real token, server and notes stay', async () => {
    const { id, code } = await home.createCommunity('Makers');
    const claimed = await evil.createCommunity('Makers', id);
    const a = makeClient(both, log);
    clients.push(a);
    await a.join(code, 'Ada');
    const note = await a.notes.create(draft(id, 'mine'));
    if (!note.ok) throw new Error(note.error);
    await a.engine.syncAll(true);
    const real = await a.state.membership(id);

    const res = await a.members.join({ invite: formatInviteLink(EVIL, claimed.code), displayName: 'Ada' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(
      /^Not joined: you are already a member of “Makers” through https:\/\/sync.test/,
    );
    expect(await a.state.membership(id)).toEqual(real);
    expect((await a.state.memberships()).length).toBe(1);
    expect((await a.notes.get(note.value.id))?.takeaway).toBe('mine');
    // The token the other server issued was given back; later syncs go to the real server only.
    expect(seen.filter((u) => u.startsWith(EVIL)).map((u) => new URL(u).pathname)).toEqual([
      '/v1/join',
      '/v1/tokens/current',
    ]);
    seen.length = 0;
    const next = await a.notes.create(draft(id, 'next'));
    if (!next.ok) throw new Error(next.error);
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced', pushed: 1 });
    expect(seen.every((u) => u.startsWith(ENDPOINT))).toBe(true);
    // Storage refuses the replacement too, whoever asks.
    await expect(syncState(a.db).putMembership({ ...real!, endpoint: EVIL, token: 'evil' })).rejects.toThrow();
  });

  it('tokens travel only over https, except to this computer: join refuses before any request', async () => {
    const a = makeClient(both, log);
    clients.push(a);
    const res = await a.members.join({
      invite: 'http://guild.example.org/join#code=abcdefghijklmnop',
      displayName: 'Ada',
    });
    expect(res).toEqual({ ok: false, error: INSECURE_ENDPOINT });
    expect(seen).toEqual([]);
    expect(await a.state.memberships()).toEqual([]);
    expect(
      ['https://x.org', 'http://localhost:8787', 'http://127.0.0.1:8787/', 'http://[::1]:1'].map(isTokenSafeEndpoint),
    ).toEqual([true, true, true, true]);
    expect(
      ['http://x.org', 'http://127.0.0.1.evil.org', 'ftp://localhost', 'not a url'].map(isTokenSafeEndpoint),
    ).toEqual([false, false, false, false]);
  });

  it('a membership stored with an http endpoint never sends its token', async () => {
    const { id, code } = await home.createCommunity('Makers');
    const a = makeClient(both, log);
    clients.push(a);
    await a.join(code, 'Ada');
    const m = (await a.state.membership(id))!;
    await a.db.kv.clear(); // as an older version could have stored it
    await a.db.kv.put({ key: `sync:member:${id}`, value: { ...m, endpoint: 'http://sync.test' } });
    seen.length = 0;
    expect((await a.engine.syncAll(true))[0]).toMatchObject({
      status: 'failed',
      error: { message: INSECURE_ENDPOINT },
    });
    expect(seen).toEqual([]);
  });

  it('a failed join leaves the endpoint’s token memo alone (no flushing it with bad invites)', async () => {
    const { id, code } = await home.createCommunity('Makers');
    const a = makeClient(both, log);
    clients.push(a);
    await a.join(code, 'Ada');
    const { token } = (await a.state.membership(id))!;
    const lookups: string[] = [];
    const query = home.db.query.bind(home.db);
    home.db.query = ((sql: string, params?: unknown[]) => {
      if (sql.includes('FROM tokens t JOIN members m')) lookups.push(sql);
      return query(sql, params as never);
    }) as typeof home.db.query;
    try {
      const get = () => home.request(`${ENDPOINT}/v1/community`, { headers: { authorization: `Bearer ${token}` } });
      expect((await get()).status).toBe(200);
      const n = lookups.length;
      const bad = await home.request(`${ENDPOINT}/v1/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'not-a-real-invite-code', displayName: 'Eve' }),
      });
      expect(bad.status).toBeGreaterThanOrEqual(400);
      expect(bad.status).toBeLessThan(500);
      expect((await get()).status).toBe(200);
      expect(lookups.length).toBe(n); // answered from the memo
    } finally {
      home.db.query = query;
    }
  });
});
