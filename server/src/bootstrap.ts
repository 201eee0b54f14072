import { randomUUID } from 'node:crypto';
import { formatInviteLink } from '../../lib/sync/protocol';
import { newEpoch } from './crypto';
import type { Database } from './db/database';
import { createInvite } from './db/invites';

export async function createCommunity(db: Database, name: string, at: number): Promise<string> {
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
  const { rows } = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM communities ORDER BY created_at LIMIT 1',
  );
  const first = rows[0] ?? { id: await createCommunity(db, 'My community', at), name: 'My community' };
  const admins = await db.query(
    `SELECT 1 FROM members WHERE community_id = $1 AND role = 'admin' AND removed_at IS NULL LIMIT 1`,
    [first.id],
  );
  if (admins.rows.length) return { communityId: first.id, name: first.name };
  const { code } = await createInvite(db, {
    communityId: first.id,
    role: 'admin',
    maxUses: 1,
    expiresAt: at + 7 * 86_400_000,
    createdBy: null,
    at,
  });
  return { communityId: first.id, name: first.name, adminInviteLink: formatInviteLink(publicUrl, code) };
}
