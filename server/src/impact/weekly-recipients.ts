import type { Queryable } from '../db/database';

/** A facilitator's own address for the weekly summary, or null (off). Only they, and the weekly job, read it. */
export async function weeklyAddress(db: Queryable, memberId: string): Promise<string | null> {
  const { rows } = await db.query<{ email: string }>(
    'SELECT email FROM weekly_summary_recipients WHERE member_id = $1',
    [memberId],
  );
  return rows[0]?.email ?? null;
}

/** Gives (or, with null, removes) the caller's address. */
export async function setWeeklyAddress(
  db: Queryable,
  p: { memberId: string; communityId: string; email: string | null; at: number },
): Promise<void> {
  if (p.email === null) {
    await db.query('DELETE FROM weekly_summary_recipients WHERE member_id = $1', [p.memberId]);
    return;
  }
  await db.query(
    `INSERT INTO weekly_summary_recipients (member_id, community_id, email, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
    [p.memberId, p.communityId, p.email, p.at],
  );
}

/**
 * Who gets the summary now: members still in the community, still facilitator or admin, with an address. A
 * member demoted since they opted in gets nothing (their address stays, unused, until they remove it or leave).
 */
export async function weeklyRecipients(
  db: Queryable,
  communityId?: string,
): Promise<{ memberId: string; communityId: string; email: string }[]> {
  const { rows } = await db.query<{ member_id: string; community_id: string; email: string }>(
    `SELECT r.member_id, r.community_id, r.email FROM weekly_summary_recipients r
       JOIN members m ON m.id = r.member_id AND m.community_id = r.community_id
      WHERE m.removed_at IS NULL AND m.role IN ('facilitator', 'admin') AND ($1::uuid IS NULL OR r.community_id = $1)
      ORDER BY r.community_id, r.member_id`,
    [communityId ?? null],
  );
  return rows.map((r) => ({ memberId: r.member_id, communityId: r.community_id, email: r.email }));
}
