import { createMiddleware } from 'hono/factory';
import type { Role } from '../../../lib/sync/protocol';
import { sha256Hex } from '../crypto';
import { ApiHttpError } from './errors';
import type { AppEnv, AuthContext } from './env';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/;
const RANK: Record<Role, number> = { member: 0, facilitator: 1, admin: 2 };
/** last_used_at is informative: write it at most this often per token. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the Bearer token to a member on every request (no cache: removing a member or revoking a token
 * takes effect at once, on every app process), then applies the per-token rate limit.
 */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const { db, now, limiters, touchedTokens: touched } = c.var.services;
  const match = BEARER.exec(c.req.header('authorization') ?? '');
  if (!match) throw new ApiHttpError(401, 'unauthorized', 'Send Authorization: Bearer <member token>');
  const { rows } = await db.query<AuthContext>(
    `SELECT t.id AS "tokenId", m.id AS "memberId", m.community_id AS "communityId", m.role,
            m.display_name AS "displayName"
       FROM tokens t JOIN members m ON m.id = t.member_id
      WHERE t.hash = $1 AND t.revoked_at IS NULL AND m.removed_at IS NULL`,
    [sha256Hex(match[1]!)],
  );
  const auth = rows[0];
  if (!auth) throw new ApiHttpError(401, 'unauthorized', 'Unknown or revoked token');
  const wait = limiters.perToken.take(auth.tokenId);
  if (wait) throw new ApiHttpError(429, 'rate_limited', 'Too many requests', { 'Retry-After': String(wait) });
  const t = now();
  if ((touched.get(auth.tokenId) ?? 0) < t - TOUCH_EVERY_MS) {
    touched.set(auth.tokenId, t);
    await db.query('UPDATE tokens SET last_used_at = $2 WHERE id = $1', [auth.tokenId, t]);
  }
  c.set('auth', auth);
  await next();
});

/** Throws 403 unless the caller's role is at least `role`. */
export function requireRole(auth: AuthContext, role: Role): void {
  if (RANK[auth.role] < RANK[role]) throw new ApiHttpError(403, 'forbidden', `Needs the ${role} role`);
}

export const outranks = (a: Role, b: Role): boolean => RANK[a] > RANK[b];
