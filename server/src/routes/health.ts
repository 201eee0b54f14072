import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../../../lib/sync/protocol';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';

/** Liveness for load balancers: answers 503 when the database does not. */
export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
  try {
    await c.var.services.db.query('SELECT 1');
  } catch {
    throw new ApiHttpError(503, 'unavailable', 'Database unavailable', { 'Retry-After': '5' });
  }
  return c.json({ ok: true as const, protocol: PROTOCOL_VERSION });
});
