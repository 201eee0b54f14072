import { Hono } from 'hono';
import { InviteCreateRequestSchema, ServerIdSchema, formatInviteLink } from '../../../lib/sync/protocol';
import { INVITE_COLUMNS, createInvite, type InviteRow } from '../db/invites';
import { requireMember, requireRole } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { check, readJson } from '../http/validate';

/** Facilitators invite members; only admins invite facilitators. Codes are shown once, stored hashed. */
export const invites = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const { rows } = await c.var.services.db.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM invites WHERE community_id = $1 ORDER BY created_at DESC, id`,
      [c.var.auth.communityId],
    );
    return c.json({ invites: rows });
  })
  .post('/', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const body = await readJson(c, InviteCreateRequestSchema);
    if (body.role === 'facilitator') requireRole(c.var.auth, 'admin');
    const { db, now, publicUrl } = c.var.services;
    const t = now();
    const { invite, code } = await createInvite(db, {
      communityId: c.var.auth.communityId,
      role: body.role,
      maxUses: body.maxUses,
      expiresAt: t + body.expiresInHours * 3_600_000,
      createdBy: c.var.auth.memberId,
      at: t,
    });
    return c.json({ invite, code, link: formatInviteLink(publicUrl, code) }, 201);
  })
  .delete('/:id', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const id = check(ServerIdSchema, c.req.param('id'));
    const { rows } = await c.var.services.db.query(
      'UPDATE invites SET revoked_at = $3 WHERE id = $1 AND community_id = $2 AND revoked_at IS NULL RETURNING id',
      [id, c.var.auth.communityId, c.var.services.now()],
    );
    if (!rows.length) throw new ApiHttpError(404, 'not_found', 'No such invite');
    return c.body(null, 204);
  });
