import { displayNameSkeleton } from '../display-name-skeleton';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../lib/sync/protocol';
import { newToken, sha256Hex } from '../crypto';
import type { Database, Queryable } from './database';

/** Issues a token for a member: returns the clear token once; only its hash is kept. */
export async function issueToken(
  tx: Queryable,
  memberId: string,
  at: number,
  label: string | null = null,
): Promise<{ token: string; tokenId: string }> {
  const token = newToken();
  const tokenId = randomUUID();
  await tx.query('INSERT INTO tokens (id, member_id, hash, label, created_at) VALUES ($1, $2, $3, $4, $5)', [
    tokenId,
    memberId,
    sha256Hex(token),
    label,
    at,
  ]);
  return { token, tokenId };
}

export type JoinOutcome =
  | { ok: true; memberId: string; communityId: string; token: string; tokenId: string }
  | { ok: false; reason: string; isNameTaken?: boolean };

/**
 * Redeems an invite code: the invite row is locked, so a single-use code admits exactly one member even when
 * two people race with it.
 */
export function redeemInvite(db: Database, code: string, displayName: string, at: number): Promise<JoinOutcome> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      community_id: string;
      role: Role;
      max_uses: number;
      uses: number;
      expires_at: number;
      revoked_at: number | null;
    }>('SELECT * FROM invites WHERE code_hash = $1 FOR UPDATE', [sha256Hex(code)]);
    const invite = rows[0];
    if (!invite || invite.revoked_at !== null) return { ok: false, reason: 'Unknown or revoked invite code' };
    if (invite.expires_at <= at) return { ok: false, reason: 'This invite has expired' };
    if (invite.uses >= invite.max_uses) return { ok: false, reason: 'This invite has been used up' };
    const memberId = randomUUID();
    // The unique indexes (migrations 004, 009) settle races; this answers the common case without an error.
    const conflict = await nameConflict(tx, invite.community_id, displayName);
    if (conflict) return { ok: false, reason: conflict, isNameTaken: true };
    await tx.query(
      `INSERT INTO members (id, community_id, display_name, display_name_skeleton, role, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [memberId, invite.community_id, displayName, displayNameSkeleton(displayName), invite.role, at],
    );
    await tx.query('UPDATE invites SET uses = uses + 1 WHERE id = $1', [invite.id]);
    if (invite.role === 'admin') {
      // The owner is in: admin codes printed by earlier starts (created by nobody) must not make anyone else admin.
      await tx.query(
        `UPDATE invites SET revoked_at = $2
          WHERE community_id = $1 AND role = 'admin' AND created_by IS NULL AND revoked_at IS NULL`,
        [invite.community_id, at],
      );
    }
    const issued = await issueToken(tx, memberId, at);
    return { ok: true, memberId, communityId: invite.community_id, ...issued };
  });
}

/**
 * Why `name` cannot be taken in the community, or null: another active member goes by it (in any case), or by a
 * name that looks the same (the same confusable skeleton, migration 009). The answer never names that member.
 */
export async function nameConflict(
  tx: Queryable,
  communityId: string,
  name: string,
  exceptId = '',
): Promise<string | null> {
  const { rows } = await tx.query<{ display_name: string }>(
    `SELECT display_name FROM members WHERE community_id = $1 AND removed_at IS NULL AND id::text <> $3
        AND (lower(display_name) = lower($2) OR display_name_skeleton = $4) LIMIT 1`,
    [communityId, name, exceptId, displayNameSkeleton(name)],
  );
  if (!rows[0]) return null;
  return rows[0].display_name.toLowerCase() === name.toLowerCase()
    ? 'That display name is taken in this community'
    : 'That display name looks like another member’s in this community (a letter from another script, or a look-alike): choose another';
}
