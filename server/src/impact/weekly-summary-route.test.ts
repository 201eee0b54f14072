import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../../testing/harness';

const SMTP = { host: '127.0.0.1', port: 2525, secure: false, requireTLS: false, from: 'hub@example.org' };

describe.each(BACKENDS)('PUT /v1/community/me/weekly-summary (%s)', (backend) => {
  let withSmtp = true;
  const t = useTestServer(backend, { smtp: () => (withSmtp ? SMTP : undefined) });
  const PATH = '/v1/community/me/weekly-summary';

  it('is off by default, opt-in for a facilitator, private to them, and gone when they leave', async () => {
    const c = await t.community();
    const admin = c.admin;
    const fay = await c.member('Fay', 'facilitator');
    expect((await t.request('GET', PATH, { token: fay.token })).json).toEqual({
      email: null,
      isMailConfigured: true,
      notice: null,
    });
    const put = await t.request('PUT', PATH, { token: fay.token, body: { email: 'fay@example.org' } });
    expect(put.status).toBe(200);
    expect((put.json as { email: string }).email).toBe('fay@example.org');
    // The admin reads their own setting, never Fay's.
    expect((await t.request('GET', PATH, { token: admin.token })).json).toMatchObject({ email: null });
    expect((await t.request('GET', PATH, { token: fay.token })).json).toMatchObject({ email: 'fay@example.org' });

    await t.request('DELETE', '/v1/members/me', { token: fay.token });
    const { rows } = await t.db.query('SELECT * FROM weekly_summary_recipients WHERE member_id = $1', [fay.member.id]);
    expect(rows).toEqual([]);
  });

  it('refuses a member in words, and a bad address with 400 changing nothing', async () => {
    const c = await t.community();
    const admin = c.admin;
    const mo = await c.member('Mo');
    expect((await t.request('GET', PATH, { token: mo.token })).status).toBe(403);
    const untouched = await t.snapshot(); // after Mo's first request: it records when the token was last used
    const refused = await t.request('PUT', PATH, { token: mo.token, body: { email: 'mo@example.org' } });
    expect(await t.snapshot()).toBe(untouched);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toContain('Only facilitators and admins');
    expect((await t.request('GET', PATH, { token: mo.token })).status).toBe(403);

    await t.request('PUT', PATH, { token: admin.token, body: { email: 'admin@example.org' } });
    for (const body of [
      { email: 'not an address' },
      { email: 'a@example.org\r\nBcc: victim@example.org' },
      { email: 42 },
      { email: 'a@example.org', extra: 1 },
      {},
    ]) {
      const bad = await t.request('PUT', PATH, { token: admin.token, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.request('GET', PATH, { token: admin.token })).json).toMatchObject({ email: 'admin@example.org' });
    const before = await t.snapshot();
    expect((await t.request('PUT', PATH, { token: admin.token, body: { email: 'x@' } })).status).toBe(400);
    expect(await t.snapshot()).toBe(before);

    // Switched off with null.
    expect((await t.request('PUT', PATH, { token: admin.token, body: { email: null } })).json).toMatchObject({
      email: null,
    });
  });

  it('says so when the endpoint has no SMTP settings', async () => {
    withSmtp = false;
    t.restart();
    try {
      const { admin } = await t.community();
      const got = (await t.request('PUT', PATH, { token: admin.token, body: { email: 'admin@example.org' } })).json;
      expect(got).toMatchObject({ email: 'admin@example.org', isMailConfigured: false });
      expect((got as { notice: string }).notice).toMatch(/SMTP_URL and MAIL_FROM/);
    } finally {
      withSmtp = true;
    }
  });
});
