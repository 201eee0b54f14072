import { Hono } from 'hono';
import { PullQuerySchema, PushRequestSchema } from '../../../lib/sync/protocol';
import { requireMember } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { readJson, readQuery } from '../http/validate';
import { pull } from '../sync/pull';
import { push } from '../sync/push';
import { checkTimes } from '../sync/times';

/** The sync protocol's two calls (lib/sync/protocol.ts documents the rules). */
export const sync = new Hono<AppEnv>()
  .use(requireMember)
  .post('/push', async (c) => {
    const { mutations } = await readJson(c, PushRequestSchema);
    const { db, now, memo, limiters, limits, written } = c.var.services;
    checkTimes(mutations, now());
    const wait = await limiters.writesPerMember.take(c.var.auth.memberId, mutations.length);
    if (wait) {
      throw new ApiHttpError(429, 'rate_limited', 'Too many writes; nothing was applied', {
        'Retry-After': String(wait),
      });
    }
    const answer = await push(db, c.var.auth, mutations, now(), limits, written);
    // Committed: polls at the old head must now look again.
    memo.head.invalidate(c.var.auth.communityId);
    return c.json(answer);
  })
  .get('/pull', async (c) => {
    const query = readQuery(c, PullQuerySchema);
    const { db, cursorKey, memo, acks, limits } = c.var.services;
    const body = await pull(db, cursorKey, c.var.auth, query, limits.pullPageBytes, memo.head, acks);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
