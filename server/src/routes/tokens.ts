import { Hono } from 'hono';
import { ServerIdSchema, TokenCreateRequestSchema } from '../../../lib/sync/protocol';
import { issueToken } from '../db/join';
import { requireMember } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { check, readJson } from '../http/validate';

/** A member's tokens: one per device, each revocable on its own ("current" signs this device out). */
export const tokens = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => {
    const { rows } = await c.var.services.db.query<{
      id: string;
      label: string | null;
      createdAt: number;
      lastUsedAt: number | null;
    }>(
      `SELECT id, label, created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM tokens
        WHERE member_id = $1 AND revoked_at IS NULL ORDER BY created_at, id`,
      [c.var.auth.memberId],
    );
    return c.json({ tokens: rows.map((t) => ({ ...t, isCurrent: t.id === c.var.auth.tokenId })) });
  })
  .post('/', async (c) => {
    const { label } = await readJson(c, TokenCreateRequestSchema);
    const issued = await issueToken(c.var.services.db, c.var.auth.memberId, c.var.services.now(), label ?? null);
    return c.json(issued, 201);
  })
  .delete('/:id', async (c) => {
    const raw = c.req.param('id');
    const id = raw === 'current' ? c.var.auth.tokenId : check(ServerIdSchema, raw);
    const { rows } = await c.var.services.db.query(
      'UPDATE tokens SET revoked_at = $3 WHERE id = $1 AND member_id = $2 AND revoked_at IS NULL RETURNING id',
      [id, c.var.auth.memberId, c.var.services.now()],
    );
    if (!rows.length) throw new ApiHttpError(404, 'not_found', 'No such token of yours');
    return c.body(null, 204);
  });
