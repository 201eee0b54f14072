import { Hono } from 'hono';
import { CommunityPatchSchema } from '../../../lib/sync/protocol';
import { getCommunity } from '../db/rows';
import { requireMember, requireRole } from '../http/auth';
import type { AppEnv } from '../http/env';
import { readJson } from '../http/validate';
import { compactCommunity } from '../sync/compact';

/** The token's community: a token never sees another one. */
export const community = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => c.json((await getCommunity(c.var.services.db, c.var.auth.communityId))!))
  .patch('/', async (c) => {
    requireRole(c.var.auth, 'admin');
    const { name } = await readJson(c, CommunityPatchSchema);
    const { db } = c.var.services;
    await db.query('UPDATE communities SET name = $2 WHERE id = $1', [c.var.auth.communityId, name]);
    return c.json((await getCommunity(db, c.var.auth.communityId))!);
  })
  // Housekeeping now, not at the next scheduled run: the same retention rule (sync/compact.ts).
  .post('/compact', async (c) => {
    requireRole(c.var.auth, 'admin');
    const { db, now, limits } = c.var.services;
    const retentionMs = limits.tombstoneRetentionDays * 86_400_000;
    const { communityId: _id, ...done } = await compactCommunity(db, c.var.auth.communityId, now(), retentionMs);
    return c.json(done);
  });
