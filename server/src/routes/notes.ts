import { Hono } from 'hono';
import { NoteIdSchema, type Role } from '../../../lib/sync/protocol';
import { outranks, requireMember, requireRole } from '../http/auth';
import { ApiHttpError } from '../http/errors';
import type { AppEnv, AuthContext } from '../http/env';
import { check } from '../http/validate';
import { tombstoneNotes } from '../sync/moderate';

/**
 * Facilitators take down what should not stay: a note is deleted for everyone (a tombstone, as its author's
 * delete). Facilitators moderate members' notes; admins anyone's. An unknown note, another community's and
 * an already deleted one are answered alike (404), so ids of other communities cannot be probed.
 */
export const notes = new Hono<AppEnv>().use(requireMember).delete('/:id', async (c) => {
  requireRole(c.var.auth, 'facilitator');
  const id = check(NoteIdSchema, c.req.param('id'));
  const { db, now, memo, written } = c.var.services;
  const { rows } = await db.query<{ authorId: string; role: Role }>(
    `SELECT n.author_id AS "authorId", m.role FROM notes n JOIN members m ON m.id = n.author_id
      WHERE n.id = $1 AND n.community_id = $2 AND n.body IS NOT NULL`,
    [id, c.var.auth.communityId],
  );
  if (!rows[0]) throw new ApiHttpError(404, 'not_found', 'No such note in this community');
  mayModerate(c.var.auth, rows[0].authorId, rows[0].role);
  const deleted = await tombstoneNotes(db, c.var.auth.communityId, { noteId: id }, now(), written);
  memo.head.invalidate(c.var.auth.communityId);
  return c.json({ deleted: deleted.length });
});

/** Facilitators moderate notes of members (and their own); admins anyone's. */
export function mayModerate(auth: AuthContext, authorId: string, authorRole: Role): void {
  if (authorId === auth.memberId || auth.role === 'admin' || outranks(auth.role, authorRole)) return;
  throw new ApiHttpError(403, 'forbidden', 'Facilitators moderate members’ notes only');
}
