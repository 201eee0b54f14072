import { createMiddleware } from 'hono/factory';
import type { Role } from '../../../lib/sync/protocol';
import { sha256Hex } from '../crypto';
import { DbRateLimiter } from './db-rate-limit';
import { ApiHttpError } from './errors';
import type { AppEnv, AuthContext, Services } from './env';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/;
const RANK: Record<Role, number> = { member: 0, facilitator: 1, admin: 2 };
/** last_used_at is informative: write it at most this often per token. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves the Bearer token to a member on every request, then applies the per-member rate limit. Removing a
 * member or revoking a token takes effect at once, on every app process: a shared PostgreSQL is asked every
 * time; PGlite (one process, the only writer) keeps an exact memo that every such write clears (app.ts).
 */
export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const { now, touchedTokens: touched } = c.var.services;
  const match = BEARER.exec(c.req.header('authorization') ?? '');
  if (!match) throw new ApiHttpError(401, 'unauthorized', 'Send Authorization: Bearer <member token>');
  const found = await lookUpAndTake(c.var.services, sha256Hex(match[1]!));
  if (!found) throw new ApiHttpError(401, 'unauthorized', 'Unknown or revoked token');
  const { auth, wait } = found;
  if (wait) throw new ApiHttpError(429, 'rate_limited', 'Too many requests', { 'Retry-After': String(wait) });
  const t = now();
  if ((touched.get(auth.tokenId) ?? 0) < t - TOUCH_EVERY_MS) {
    touched.set(auth.tokenId, t);
    await c.var.services.db.query('UPDATE tokens SET last_used_at = $2 WHERE id = $1', [auth.tokenId, t]);
  }
  c.set('auth', auth);
  await next();
});

/** The live member behind a token hash ($N), with its id as `bucket_key` for the per-member limit. */
const MEMBER_SQL = (hash: string) => `
  SELECT t.id AS "tokenId", m.id AS "memberId", m.community_id AS "communityId", m.role,
         m.display_name AS "displayName", m.id::text AS bucket_key
    FROM tokens t JOIN members m ON m.id = t.member_id
   WHERE t.hash = ${hash} AND t.revoked_at IS NULL AND m.removed_at IS NULL`;

/**
 * The member behind a token hash and the per-member rate limit's verdict (seconds to wait, 0 to go on).
 * Per member, not per token: minting tokens must not multiply the allowance. On a shared PostgreSQL both are
 * one statement (one round trip through the pool, the request path's main cost there); elsewhere the memo
 * and an in-memory limiter answer without the database.
 */
async function lookUpAndTake(
  services: Services,
  hash: string,
): Promise<{ auth: AuthContext; wait: number } | undefined> {
  const limiter = services.limiters.perMember;
  if (limiter instanceof DbRateLimiter && !services.memo?.auth) {
    const found = await limiter.takeFor<AuthContext>(MEMBER_SQL('$6'), [hash]);
    return found && { auth: found.row, wait: found.wait };
  }
  const auth = await lookUp(services, hash);
  return auth && { auth, wait: await limiter.take(auth.memberId) };
}

/** The live member behind a token hash, if any; from the memo when this process is the only writer. */
async function lookUp(services: Services, hash: string): Promise<AuthContext | undefined> {
  const memo = services.memo?.auth;
  const known = memo?.get(hash);
  if (known !== undefined) return known;
  const stamp = memo?.stamp() ?? 0;
  const { rows: found } = await services.db.query<AuthContext & { bucket_key?: string }>(MEMBER_SQL('$1'), [hash]);
  const rows = found.map(({ bucket_key: _key, ...auth }) => auth);
  // Unknown tokens are not remembered: a guesser must not fill the memo.
  if (rows[0]) memo?.set(hash, rows[0], stamp);
  return rows[0];
}

/** Throws 403 unless the caller's role is at least `role`. */
export function requireRole(auth: AuthContext, role: Role): void {
  if (RANK[auth.role] < RANK[role]) throw new ApiHttpError(403, 'forbidden', `Needs the ${role} role`);
}

export const outranks = (a: Role, b: Role): boolean => RANK[a] > RANK[b];
