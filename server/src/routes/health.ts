import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../../../lib/sync/protocol';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';

/** A load balancer waits a few seconds at most: a database slower than this counts as not answering. */
export const HEALTH_DB_TIMEOUT_MS = 3_000;

/** Liveness for load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), HEALTH_DB_TIMEOUT_MS);
  });
  try {
    await Promise.race([c.var.services.db.query('SELECT 1'), timeout]);
  } catch {
    throw new ApiHttpError(503, 'unavailable', 'Database unavailable', { 'Retry-After': '5' });
  } finally {
    clearTimeout(timer);
  }
  return c.json({ ok: true as const, protocol: PROTOCOL_VERSION, database: 'ok' as const });
});
