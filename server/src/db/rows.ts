import type { Community, Member, Role } from '../../../lib/sync/protocol';
import type { Queryable } from './database';

/** Row readers shared by routes: one place that turns SQL rows into protocol objects. */
export async function getCommunity(db: Queryable, id: string): Promise<Community | undefined> {
  const { rows } = await db.query<Community>(
    `SELECT c.id, c.name, c.epoch, c.created_at AS "createdAt",
            (SELECT count(*)::int FROM members m WHERE m.community_id = c.id AND m.removed_at IS NULL) AS "memberCount"
       FROM communities c WHERE c.id = $1`,
    [id],
  );
  return rows[0];
}

const MEMBER_COLUMNS = `id, display_name AS "displayName", role, joined_at AS "joinedAt"`;

/** An active member of `communityId`; another community's member id reads as absent. */
export async function getMember(db: Queryable, communityId: string, id: string): Promise<Member | undefined> {
  const { rows } = await db.query<Member>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1 AND community_id = $2 AND removed_at IS NULL`,
    [id, communityId],
  );
  return rows[0];
}

export async function listMembers(db: Queryable, communityId: string): Promise<Member[]> {
  const { rows } = await db.query<Member>(
    `SELECT ${MEMBER_COLUMNS} FROM members WHERE community_id = $1 AND removed_at IS NULL ORDER BY joined_at, id`,
    [communityId],
  );
  return rows;
}

/** Removing a member and revoking their tokens happen together, so the next request is already refused. */
export async function removeMember(db: Queryable, memberId: string, at: number): Promise<void> {
  await db.query('UPDATE members SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL', [memberId, at]);
  await db.query('UPDATE tokens SET revoked_at = $2 WHERE member_id = $1 AND revoked_at IS NULL', [memberId, at]);
  // Their weekly-summary address goes with them: nothing is mailed to someone who left.
  await db.query('DELETE FROM weekly_summary_recipients WHERE member_id = $1', [memberId]);
}

export async function countAdmins(db: Queryable, communityId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM members WHERE community_id = $1 AND role = 'admin' AND removed_at IS NULL`,
    [communityId],
  );
  return rows[0]!.n;
}

export type { Role };

/** The community's admins, their rows locked until the transaction ends: how many there are. */
export async function lockAdmins(tx: Queryable, communityId: string): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM members WHERE community_id = $1 AND role = 'admin' AND removed_at IS NULL FOR UPDATE`,
    [communityId],
  );
  return rows.length;
}
