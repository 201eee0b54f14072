import { Hono } from 'hono';
import { PullQuerySchema, PushRequestSchema } from '../../../lib/sync/protocol';
import { requireMember } from '../http/auth';
import type { AppEnv } from '../http/env';
import { readJson, readQuery } from '../http/validate';
import { pull } from '../sync/pull';
import { push } from '../sync/push';

/** The sync protocol's two calls (lib/sync/protocol.ts documents the rules). */
export const sync = new Hono<AppEnv>()
  .use(requireMember)
  .post('/push', async (c) => {
    const { mutations } = await readJson(c, PushRequestSchema);
    return c.json(await push(c.var.services.db, c.var.auth, mutations, c.var.services.now()));
  })
  .get('/pull', async (c) => {
    const query = readQuery(c, PullQuerySchema);
    const body = await pull(c.var.services.db, c.var.services.cursorKey, c.var.auth, query);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
