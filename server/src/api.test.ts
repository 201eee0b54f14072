import { describe, expect, it } from 'vitest';
import {
  CommunitySchema,
  InviteCreateResponseSchema,
  JoinResponseSchema,
  MemberListSchema,
  TokenListSchema,
} from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';

describe.each(BACKENDS)('community endpoint API on %s', (backend) => {
  const t = useTestServer(backend);

  it('answers health and serves an OpenAPI document covering every route', async () => {
    expect((await t.request('GET', '/healthz')).json).toEqual({ ok: true, protocol: 1, database: 'ok' });
    const doc = (await t.request('GET', '/v1/openapi.json')).json;
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/join', '/v1/sync/push', '/v1/sync/pull', '/v1/members/{id}']),
    );
    expect(
      doc.paths['/v1/sync/push'].post.requestBody.content['application/json'].schema.properties.mutations,
    ).toBeDefined();
  });

  it('joins with an invite, shows the token once and stores only its hash', async () => {
    const c = await t.community();
    const res = await t.request('POST', '/v1/invites', { token: c.admin.token, body: { maxUses: 2 } });
    expect(res.status).toBe(201);
    const { code, link } = InviteCreateResponseSchema.parse(res.json);
    expect(link).toContain(`#code=${code}`);
    const joined = await t.request('POST', '/v1/join', { body: { code, displayName: '  Rosa  ' } });
    expect(joined.status).toBe(201);
    const body = JoinResponseSchema.parse(joined.json);
    expect(body.member).toMatchObject({ displayName: 'Rosa', role: 'member' });
    expect(body.community.id).toBe(c.id);
    expect(body.token).toMatch(/^cp_[A-Za-z0-9_-]{43}$/);
    const { rows } = await t.db.query<{ hash: string }>('SELECT hash FROM tokens');
    expect(rows.map((r) => r.hash)).not.toContain(body.token);
    expect((await t.snapshot()).includes(body.token)).toBe(false);
    expect((await t.snapshot()).includes(code)).toBe(false);
  });

  it('enforces invite limits: uses, expiry, revocation', async () => {
    const c = await t.community();
    const single = (await t.request('POST', '/v1/invites', { token: c.admin.token, body: {} })).json;
    expect((await t.request('POST', '/v1/join', { body: { code: single.code, displayName: 'A' } })).status).toBe(201);
    const second = await t.request('POST', '/v1/join', { body: { code: single.code, displayName: 'B' } });
    expect(second.status).toBe(403);
    expect(second.json.error.code).toBe('invite_invalid');

    const short = (
      await t.request('POST', '/v1/invites', { token: c.admin.token, body: { expiresInHours: 1, maxUses: 5 } })
    ).json;
    t.clock.now += 3_600_001;
    expect((await t.request('POST', '/v1/join', { body: { code: short.code, displayName: 'C' } })).status).toBe(403);

    const revoked = (await t.request('POST', '/v1/invites', { token: c.admin.token, body: { maxUses: 5 } })).json;
    expect((await t.request('DELETE', `/v1/invites/${revoked.invite.id}`, { token: c.admin.token })).status).toBe(204);
    expect((await t.request('POST', '/v1/join', { body: { code: revoked.code, displayName: 'D' } })).status).toBe(403);
    const list = (await t.request('GET', '/v1/invites', { token: c.admin.token })).json.invites;
    expect(list).toHaveLength(4); // the harness's admin invite too
    expect(list.find((i: { id: string }) => i.id === revoked.invite.id).isRevoked).toBe(true);
  });

  it('admits exactly one member when two race for a single-use invite', async () => {
    const c = await t.community();
    const { code } = (await t.request('POST', '/v1/invites', { token: c.admin.token, body: {} })).json;
    const results = await Promise.all(
      ['X', 'Y', 'Z'].map((displayName) => t.request('POST', '/v1/join', { body: { code, displayName } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403]);
  });

  it('lists members and lets a member rename themselves', async () => {
    const c = await t.community();
    const bo = await c.member('Bo');
    expect(
      (await t.request('PATCH', '/v1/members/me', { token: bo.token, body: { displayName: 'Bo L.' } })).json
        .displayName,
    ).toBe('Bo L.');
    const list = MemberListSchema.parse((await t.request('GET', '/v1/members', { token: bo.token })).json);
    expect(list.members.map((m) => m.displayName).sort()).toEqual(['Admin', 'Bo L.']);
    const community = CommunitySchema.parse((await t.request('GET', '/v1/community', { token: bo.token })).json);
    expect(community.memberCount).toBe(2);
  });

  it('removing a member revokes their tokens at once', async () => {
    const c = await t.community();
    const bo = await c.member('Bo');
    const extra = (await t.request('POST', '/v1/tokens', { token: bo.token, body: { label: 'laptop' } })).json;
    expect((await t.request('GET', '/v1/members/me', { token: extra.token })).status).toBe(200);
    expect((await t.request('DELETE', `/v1/members/${bo.member.id}`, { token: c.admin.token })).status).toBe(204);
    for (const token of [bo.token, extra.token]) {
      const res = await t.request('GET', '/v1/sync/pull', { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
  });

  it('revokes one token without touching the others (sign out)', async () => {
    const c = await t.community();
    const other = (await t.request('POST', '/v1/tokens', { token: c.admin.token, body: {} })).json;
    const listed = TokenListSchema.parse((await t.request('GET', '/v1/tokens', { token: other.token })).json);
    expect(listed.tokens.filter((x) => x.isCurrent).map((x) => x.id)).toEqual([other.tokenId]);
    expect((await t.request('DELETE', '/v1/tokens/current', { token: other.token })).status).toBe(204);
    expect((await t.request('GET', '/v1/members/me', { token: other.token })).status).toBe(401);
    expect((await t.request('GET', '/v1/members/me', { token: c.admin.token })).status).toBe(200);
  });

  it('applies roles: facilitators invite members and remove members, admins do the rest', async () => {
    const c = await t.community();
    const fa = await c.member('Fa', 'facilitator');
    const mo = await c.member('Mo');
    const other = await c.member('Other');
    expect((await t.request('POST', '/v1/invites', { token: mo.token, body: {} })).status).toBe(403);
    expect((await t.request('POST', '/v1/invites', { token: fa.token, body: {} })).status).toBe(201);
    expect((await t.request('POST', '/v1/invites', { token: fa.token, body: { role: 'facilitator' } })).status).toBe(
      403,
    );
    expect((await t.request('DELETE', `/v1/members/${c.admin.member.id}`, { token: fa.token })).status).toBe(403);
    expect(
      (await t.request('PATCH', `/v1/members/${mo.member.id}`, { token: fa.token, body: { role: 'admin' } })).status,
    ).toBe(403);
    expect((await t.request('DELETE', `/v1/members/${other.member.id}`, { token: fa.token })).status).toBe(204);
    const promoted = await t.request('PATCH', `/v1/members/${mo.member.id}`, {
      token: c.admin.token,
      body: { role: 'facilitator' },
    });
    expect(promoted.json.role).toBe('facilitator');
    expect(
      (await t.request('PATCH', '/v1/community', { token: c.admin.token, body: { name: 'Renamed' } })).json.name,
    ).toBe('Renamed');
  });

  it('sends CORS headers without reflecting the Origin', async () => {
    const res = await t.request('OPTIONS', '/v1/sync/pull', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
