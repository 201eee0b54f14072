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
});
