import { Hono } from 'hono';
import {
  ExpertiseSettingSchema,
  MemberRolePatchSchema,
  MemberSelfPatchSchema,
  ServerIdSchema,
  type Role,
} from '../../../lib/sync/protocol';
import { countAdmins, getMember, listMembers, lockAdmins, removeMember } from '../db/rows';
import { outranks, requireMember, requireRole } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { check, readJson } from '../http/validate';
import { nameConflict } from '../db/join';
import { displayNameSkeleton } from '../display-name-skeleton';
import { tombstoneNotes } from '../sync/moderate';
import { mayModerate } from './notes';

const memberId = (raw: string) => check(ServerIdSchema, raw);
const noSuchMember = () => new ApiHttpError(404, 'not_found', 'No such member in this community');

/** Members of the token's community. Removing one revokes their tokens in the same statement batch. */
export const members = new Hono<AppEnv>()
  .use(requireMember)
  .get('/', async (c) => c.json({ members: await listMembers(c.var.services.db, c.var.auth.communityId) }))
  .get('/expertise-opt-outs', async (c) => {
    const { rows } = await c.var.services.db.query<{ id: string }>(
      'SELECT id FROM members WHERE community_id = $1 AND expertise_opt_out AND removed_at IS NULL ORDER BY id',
      [c.var.auth.communityId],
    );
    return c.json({ memberIds: rows.map((r) => r.id) });
  })
  .get('/me/expertise', async (c) => {
    const { rows } = await c.var.services.db.query<{ expertise_opt_out: boolean }>(
      'SELECT expertise_opt_out FROM members WHERE id = $1',
      [c.var.auth.memberId],
    );
    return c.json({ isOptedOut: rows[0]?.expertise_opt_out === true });
  })
  .put('/me/expertise', async (c) => {
    const { isOptedOut } = await readJson(c, ExpertiseSettingSchema);
    await c.var.services.db.query('UPDATE members SET expertise_opt_out = $2 WHERE id = $1', [
      c.var.auth.memberId,
      isOptedOut,
    ]);
    return c.json({ isOptedOut });
  })
  .get('/me', async (c) => c.json((await getMember(c.var.services.db, c.var.auth.communityId, c.var.auth.memberId))!))
  .patch('/me', async (c) => {
    const { displayName } = await readJson(c, MemberSelfPatchSchema);
    const { db } = c.var.services;
    const conflict = await nameConflict(db, c.var.auth.communityId, displayName, c.var.auth.memberId);
    if (conflict) throw new ApiHttpError(409, 'conflict', conflict);
    await db.query('UPDATE members SET display_name = $2, display_name_skeleton = $3 WHERE id = $1', [
      c.var.auth.memberId,
      displayName,
      displayNameSkeleton(displayName),
    ]);
    return c.json((await getMember(db, c.var.auth.communityId, c.var.auth.memberId))!);
  })
  .delete('/me', async (c) => {
    const { db, now } = c.var.services;
    await db.transaction(async (tx) => {
      // Counted inside the transaction, under a lock on the admins' rows: two last admins cannot both leave.
      if (c.var.auth.role === 'admin' && (await lockAdmins(tx, c.var.auth.communityId)) <= 1) {
        throw new ApiHttpError(409, 'conflict', 'You are the last admin: make another member admin before leaving');
      }
      await removeMember(tx, c.var.auth.memberId, now());
    });
    return c.body(null, 204);
  })
  .patch('/:id', async (c) => {
    requireRole(c.var.auth, 'admin');
    const id = memberId(c.req.param('id'));
    const { role } = await readJson(c, MemberRolePatchSchema);
    const { db } = c.var.services;
    if (id === c.var.auth.memberId) throw new ApiHttpError(409, 'conflict', 'Ask another admin to change your role');
    if (!(await getMember(db, c.var.auth.communityId, id))) throw noSuchMember();
    await db.query('UPDATE members SET role = $2 WHERE id = $1', [id, role]);
    return c.json((await getMember(db, c.var.auth.communityId, id))!);
  })
  .delete('/:id/notes', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const id = memberId(c.req.param('id'));
    const { db, now, memo, written } = c.var.services;
    // Removed members too: their notes are what most often has to go.
    const { rows } = await db.query<{ role: Role }>('SELECT role FROM members WHERE id = $1 AND community_id = $2', [
      id,
      c.var.auth.communityId,
    ]);
    if (!rows[0]) throw noSuchMember();
    mayModerate(c.var.auth, id, rows[0].role);
    const deleted = await tombstoneNotes(db, c.var.auth.communityId, { authorId: id }, now(), written);
    memo.head.invalidate(c.var.auth.communityId);
    return c.json({ deleted: deleted.length });
  })
  .delete('/:id', async (c) => {
    requireRole(c.var.auth, 'facilitator');
    const id = memberId(c.req.param('id'));
    const { db, now } = c.var.services;
    if (id === c.var.auth.memberId) throw new ApiHttpError(409, 'conflict', 'To leave, DELETE /v1/members/me');
    const target = await getMember(db, c.var.auth.communityId, id);
    if (!target) throw noSuchMember();
    if (!outranks(c.var.auth.role, target.role) && c.var.auth.role !== 'admin') {
      throw new ApiHttpError(403, 'forbidden', 'Facilitators remove members only');
    }
    if (target.role === 'admin' && (await countAdmins(db, c.var.auth.communityId)) <= 1) {
      throw new ApiHttpError(409, 'conflict', 'A community keeps at least one admin');
    }
    await db.transaction((tx) => removeMember(tx, id, now()));
    return c.body(null, 204);
  });
