import { randomUUID } from 'node:crypto';
import { formatInviteLink } from '../../lib/sync/protocol';
import { newEpoch } from './crypto';
import type { Database, Queryable } from './db/database';
import { createInvite } from './db/invites';

/** Any constant: serialises processes creating the first community of an empty database. */
const FIRST_COMMUNITY_LOCK = 72_716_002;

export async function createCommunity(db: Queryable, name: string, at: number): Promise<string> {
  const id = randomUUID();
  await db.query('INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, $2, $3, $4)', [
    id,
    name,
    newEpoch(),
    at,
  ]);
  return id;
}

/**
 * First run: a community to join. While a community has no admin, each start prints a fresh single-use admin
 * invite, so whoever runs the server can always get in (and nobody else, once they have).
 */
export async function ensureFirstCommunity(
  db: Database,
  publicUrl: string,
  at = Date.now(),
): Promise<{ communityId: string; name: string; adminInviteLink?: string }> {
  // Several processes starting at once on an empty database must agree on one first community.
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_COMMUNITY_LOCK]);
    const { rows } = await tx.query<{ id: string; name: string }>(
      'SELECT id, name FROM communities ORDER BY created_at LIMIT 1',
    );
    const first = rows[0] ?? { id: await createCommunity(tx, 'My community', at), name: 'My community' };
    const admins = await tx.query(
      `SELECT 1 FROM members WHERE community_id = $1 AND role = 'admin' AND removed_at IS NULL LIMIT 1`,
      [first.id],
    );
    if (admins.rows.length) return { communityId: first.id, name: first.name };
    const { code } = await createInvite(tx, {
      communityId: first.id,
      role: 'admin',
      maxUses: 1,
      expiresAt: at + 7 * 86_400_000,
      createdBy: null,
      at,
    });
    return { communityId: first.id, name: first.name, adminInviteLink: formatInviteLink(publicUrl, code) };
  });
}
