import type { Queryable } from '../db/database';
import type { Limit, Limiter } from './rate-limit';

/**
 * One token bucket per key, refilled and taken in a single statement. The row lock the upsert takes makes
 * concurrent requests of one member, on any process, count one after another. A process whose clock runs
 * behind the last writer's refills nothing (never negative time).
 */
const TAKE_SQL = `
  WITH arg AS (SELECT $1::text AS key, $2::float8 AS burst, $3::float8 AS per_ms, $4::float8 AS cost, $5::bigint AS now)
  INSERT INTO rate_buckets AS b (key, tokens, at, ok) SELECT key, burst - cost, now, true FROM arg
  ON CONFLICT (key) DO UPDATE SET
    tokens = (SELECT CASE WHEN r.full >= least(a.cost, a.burst) THEN r.full - a.cost ELSE r.full END
                FROM arg a, LATERAL (SELECT least(a.burst, b.tokens + greatest(0, a.now - b.at) * a.per_ms) AS full) r),
    ok = (SELECT least(a.burst, b.tokens + greatest(0, a.now - b.at) * a.per_ms) >= least(a.cost, a.burst) FROM arg a),
    at = greatest(b.at, $5::bigint)
  RETURNING ok, tokens`;

/**
 * Token buckets kept in PostgreSQL (table rate_buckets, migration 006), so every app process behind a load
 * balancer draws on the same allowance: a member's limit is the limit, not the limit times the process count.
 * Same arithmetic as the in-memory RateLimiter (rate-limit.ts), which PGlite keeps (one process there).
 */
export class DbRateLimiter implements Limiter {
  constructor(
    private readonly db: Queryable,
    /** Keeps limiters apart in the one table: 'member', 'writes', 'join'. */
    private readonly prefix: string,
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  async take(key: string, cost = 1): Promise<number> {
    const refillPerMs = this.limit.perMinute / 60_000;
    const { rows } = await this.db.query<{ ok: boolean; tokens: number }>(TAKE_SQL, [
      `${this.prefix}:${key}`,
      this.limit.burst,
      refillPerMs,
      cost,
      this.now(),
    ]);
    const { ok, tokens } = rows[0]!;
    if (ok) return 0;
    const needed = Math.min(cost, this.limit.burst);
    return Math.max(1, Math.ceil((needed - tokens) / refillPerMs / 1000));
  }
}
