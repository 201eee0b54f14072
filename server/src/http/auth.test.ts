import { describe, expect, it, vi } from 'vitest';
import { TEST_DATABASE_URL, useTestServer } from '../../testing/harness';

/**
 * On a shared PostgreSQL every request resolves its token and takes from its member's bucket in one statement
 * (http/auth.ts, db-rate-limit.ts `takeFor`): one round trip through the pool where there were two.
 */
describe.skipIf(!TEST_DATABASE_URL)('token and rate bucket on postgres', () => {
  const t = useTestServer('postgres', { limits: { perMember: { burst: 3, perMinute: 1 } } });

  /** The statements a request sends, by their text. */
  const statementsOf = async (run: () => Promise<unknown>) => {
    const spy = vi.spyOn(t.db, 'query');
    try {
      await run();
      return spy.mock.calls.map(([sql]) => String(sql));
    } finally {
      spy.mockRestore();
    }
  };

  it('finds the member and takes from its bucket in one statement', async () => {
    const { admin } = await t.community();
    await t.request('GET', '/v1/community', { token: admin.token }); // writes last_used_at (once a minute)
    const sent = await statementsOf(() => t.request('GET', '/v1/community', { token: admin.token }));
    const authing = sent.filter((s) => /FROM tokens t JOIN members m/.test(s));
    expect(authing).toHaveLength(1);
    expect(authing[0]).toMatch(/INSERT INTO rate_buckets/);
    expect(sent.filter((s) => /rate_buckets/.test(s))).toHaveLength(1);
  });

  it('keeps the limit: the burst passes, the next waits, with Retry-After', async () => {
    const { admin } = await t.community();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.request('GET', '/v1/community', { token: admin.token })).status);
    const refused = await t.request('GET', '/v1/community', { token: admin.token });
    // The join took one from the IP limiter only; the member bucket starts full at the first authed request.
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    t.clock.now += 60_000; // one token back
    expect((await t.request('GET', '/v1/community', { token: admin.token })).status).toBe(200);
  });

  it('takes nothing for an unknown or revoked token (401), and leaves no bucket behind', async () => {
    const { admin } = await t.community();
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_buckets')).rows[0]!.n;
    const res = await t.request('GET', '/v1/community', { token: 'x'.repeat(43) });
    expect(res.status).toBe(401);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_buckets')).rows[0]!.n).toBe(before);
    await t.db.query('UPDATE tokens SET revoked_at = 1');
    expect((await t.request('GET', '/v1/community', { token: admin.token })).status).toBe(401);
  });
});
