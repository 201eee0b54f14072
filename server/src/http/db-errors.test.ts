import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { handleError } from './errors';

/** The last line of defence: what the database itself refuses as data is a 400, other failures stay 500. */
describe.each(BACKENDS)('database errors on %s', (backend) => {
  const t = useTestServer(backend);
  const answer = async (sql: string, params: unknown[]) => {
    const app = new Hono().get('/x', async (c) => c.json((await t.db.query(sql, params)).rows));
    app.onError(handleError);
    const res = await app.request('/x');
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it.each([
    ['NUL in text (22021)', 'SELECT $1::text AS v', ['a\u0000b']],
    ['NUL escape in jsonb (22P05)', 'SELECT $1::jsonb AS v', ['{"a":"\\u0000"}']],
    ['lone surrogate escape in jsonb', 'SELECT $1::jsonb AS v', ['{"a":"\\ud800"}']],
    ['number out of range (22003)', 'SELECT $1::int AS v', ['99999999999']],
  ])('%s → 400 bad_request', async (_name, sql, params) => {
    expect(await answer(sql, params)).toEqual({
      status: 400,
      body: { error: { code: 'bad_request', message: expect.any(String) } },
    });
  });

  it('a fault that is not the input stays a 500', async () => {
    expect((await answer('SELECT * FROM no_such_table', [])).status).toBe(500);
  });
});
