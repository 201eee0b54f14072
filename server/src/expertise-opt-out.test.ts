import { describe, expect, it } from 'vitest';
import { ExpertiseOptOutsSchema, ExpertiseSettingSchema } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';

describe.each(BACKENDS)('who-knows-what opt-out on %s', (backend) => {
  const t = useTestServer(backend);

  it('stores the opt-out per member, shows it to every member of the community and to no other', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const other = await (await t.community('Other')).member('Cy');
    expect((await t.request('GET', '/v1/members/me/expertise', { token: ana.token })).json).toEqual({
      isOptedOut: false,
    });

    const put = await t.request('PUT', '/v1/members/me/expertise', { token: ana.token, body: { isOptedOut: true } });
    expect(put.status).toBe(200);
    expect(ExpertiseSettingSchema.parse(put.json)).toEqual({ isOptedOut: true });
    expect((await t.request('GET', '/v1/members/me/expertise', { token: ana.token })).json).toEqual({
      isOptedOut: true,
    });
    const seen = ExpertiseOptOutsSchema.parse(
      (await t.request('GET', '/v1/members/expertise-opt-outs', { token: bo.token })).json,
    );
    expect(seen.memberIds).toEqual([ana.member.id]);
    expect((await t.request('GET', '/v1/members/expertise-opt-outs', { token: other.token })).json).toEqual({
      memberIds: [],
    });

    await t.request('PUT', '/v1/members/me/expertise', { token: ana.token, body: { isOptedOut: false } });
    expect((await t.request('GET', '/v1/members/expertise-opt-outs', { token: bo.token })).json).toEqual({
      memberIds: [],
    });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    await t.request('PUT', '/v1/members/me/expertise', { token: ana.token, body: { isOptedOut: true } });
    for (const body of [{ isOptedOut: 'yes' }, {}, { isOptedOut: false, memberId: c.admin.member.id }]) {
      const res = await t.request('PUT', '/v1/members/me/expertise', { token: ana.token, body });
      expect(res.status).toBe(400);
      expect(res.json.error).toBeDefined();
    }
    expect((await t.request('GET', '/v1/members/me/expertise', { token: ana.token })).json).toEqual({
      isOptedOut: true,
    });
    expect((await t.request('PUT', '/v1/members/me/expertise', { body: { isOptedOut: true } })).status).toBe(401);
  });
});
