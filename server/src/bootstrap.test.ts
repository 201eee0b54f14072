import { describe, expect, it } from 'vitest';
import { parseInviteLink } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';
import { ensureFirstCommunity } from './bootstrap';

describe.each(BACKENDS)('start-up admin invites on %s', (backend) => {
  const t = useTestServer(backend);
  const codeOf = (link: string | undefined) => parseInviteLink(link ?? '')!.code;

  it('revokes every earlier start’s admin code once the first admin has joined (issue 15 item 5)', async () => {
    const first = await ensureFirstCommunity(t.db, 'http://127.0.0.1:8787', t.clock.now);
    const second = await ensureFirstCommunity(t.db, 'http://127.0.0.1:8787', t.clock.now + 1000);
    expect(second.communityId).toBe(first.communityId);
    const owner = await t.request('POST', '/v1/join', {
      body: { code: codeOf(second.adminInviteLink), displayName: 'Owner' },
    });
    expect([owner.status, owner.json.member.role]).toEqual([201, 'admin']);
    const before = await t.snapshot();
    const late = await t.request('POST', '/v1/join', {
      body: { code: codeOf(first.adminInviteLink), displayName: 'Eve' },
    });
    expect([late.status, late.json.error.code]).toEqual([403, 'invite_invalid']);
    expect(await t.snapshot()).toBe(before);
    // Once there is an admin, a start prints no code at all.
    expect((await ensureFirstCommunity(t.db, 'http://127.0.0.1:8787', t.clock.now)).adminInviteLink).toBeUndefined();
  });

  it('leaves invites that a member made alone', async () => {
    const c = await t.community();
    const made = await t.request('POST', '/v1/invites', { token: c.admin.token, body: { role: 'facilitator' } });
    await c.member('Second admin', 'admin');
    const res = await t.request('POST', '/v1/join', { body: { code: made.json.code, displayName: 'Fa' } });
    expect(res.status).toBe(201);
  });
});

describe.each(BACKENDS)('first start of several processes on one %s database', (backend) => {
  const t = useTestServer(backend);

  it('agrees on one first community when starts race', async () => {
    const starts = await Promise.all(
      Array.from({ length: 4 }, (_, i) => ensureFirstCommunity(t.db, 'http://127.0.0.1:8787', t.clock.now + i)),
    );
    expect(new Set(starts.map((s) => s.communityId)).size).toBe(1);
    const { rows } = await t.db.query('SELECT id FROM communities');
    expect(rows).toHaveLength(1);
  });
});
