import { randomUUID } from 'node:crypto';
import type { Role } from '../../../lib/sync/protocol';
import { newInviteCode, sha256Hex } from '../crypto';
import type { Queryable } from './database';

export interface InviteRow {
  id: string;
  role: Role;
  maxUses: number;
  uses: number;
  expiresAt: number;
  createdAt: number;
  isRevoked: boolean;
}

export const INVITE_COLUMNS = `id, role, max_uses AS "maxUses", uses, expires_at AS "expiresAt",
  created_at AS "createdAt", (revoked_at IS NOT NULL) AS "isRevoked"`;

/** Creates an invite; the clear code is returned once and only its hash is stored. */
export async function createInvite(
  db: Queryable,
  input: { communityId: string; role: Role; maxUses: number; expiresAt: number; createdBy: string | null; at: number },
): Promise<{ invite: InviteRow; code: string }> {
  const code = newInviteCode();
  const { rows } = await db.query<InviteRow>(
    `INSERT INTO invites (id, community_id, code_hash, role, max_uses, expires_at, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${INVITE_COLUMNS}`,
    [
      randomUUID(),
      input.communityId,
      sha256Hex(code),
      input.role,
      input.maxUses,
      input.expiresAt,
      input.at,
      input.createdBy,
    ],
  );
  return { invite: rows[0]!, code };
}
