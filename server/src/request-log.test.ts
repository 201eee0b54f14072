import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../testing/harness';
import type { RequestLogLine } from './http/request-log';

describe.each(BACKENDS)('request log (%s)', (backend) => {
  const lines: string[] = [];
  const t = useTestServer(backend, { log: (line) => lines.push(line) });

  it('writes one JSON line per request, naming the route by its pattern and nothing a caller sent', async () => {
    const { admin } = await t.community();
    const invite = await t.request('POST', '/v1/invites', { token: admin.token, body: { maxUses: 1 } });
    expect(invite.status).toBe(201);
    const code: string = invite.json.code;
    const joined = await t.request('POST', '/v1/join', { body: { code, displayName: 'Grace' } });
    expect(joined.status).toBe(201);
    const memberToken: string = joined.json.token;
    lines.length = 0;

    const calls = [
      await t.request('GET', '/v1/members/me', { token: memberToken }),
      await t.request('GET', `/v1/sync/pull?cursor=${code}`, { token: memberToken }),
      await t.request('DELETE', `/v1/members/${code}`, { token: memberToken }),
      await t.request('POST', '/v1/join', { body: { code, displayName: 'Again' } }), // used up
      await t.request('GET', `/join?code=${code}`),
      await t.request('GET', `/nowhere/${code}`, { headers: { authorization: `Bearer ${admin.token}` } }),
      await t.request('GET', '/healthz'),
    ];

    expect(lines).toHaveLength(calls.length);
    const parsed = lines.map((line) => JSON.parse(line) as RequestLogLine);
    for (const [i, entry] of parsed.entries()) {
      expect(Object.keys(entry).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
      expect(entry.status).toBe(calls[i]!.status);
      expect(entry.ms).toBeGreaterThanOrEqual(0);
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
    }
    expect(parsed.map((e) => [e.method, e.route])).toEqual([
      ['GET', '/v1/members/me'],
      ['GET', '/v1/sync/pull'],
      ['DELETE', '/v1/members/:id'],
      ['POST', '/v1/join'],
      ['GET', '/join'],
      ['GET', null],
      ['GET', '/healthz'],
    ]);
    expect(parsed.map((e) => e.level)).toEqual(
      calls.map((c) => (c.status >= 500 ? 'error' : c.status >= 400 ? 'warn' : 'info')),
    );
    const all = lines.join('\n');
    for (const secret of [code, admin.token, memberToken, 'Bearer', 'Grace']) expect(all).not.toContain(secret);
  });

  it('never writes a calendar feed address: the secret in its path is logged as the route pattern', async () => {
    const { member } = await t.community();
    const ada = await member('Ada');
    const schedule = { timeZone: 'UTC', rituals: [] };
    const created = await t.request('POST', '/v1/members/me/calendar', { token: ada.token, body: schedule });
    const secret = /cal_[A-Za-z0-9_-]+/.exec(created.json.url as string)![0];
    lines.length = 0;
    expect((await t.request('GET', `/v1/calendar/${secret}.ics`)).status).toBe(200);
    await t.request('DELETE', '/v1/members/me/calendar', { token: ada.token });
    expect((await t.request('GET', `/v1/calendar/${secret}.ics`)).status).toBe(404);
    const parsed = lines.map((line) => JSON.parse(line) as RequestLogLine);
    expect(parsed.filter((e) => e.method === 'GET').map((e) => [e.route, e.status])).toEqual([
      ['/v1/calendar/:id', 200],
      ['/v1/calendar/:id', 404],
    ]);
    expect(lines.join('\n')).not.toContain(secret.slice(4, 20));
  });
});
