import type { Queryable } from '../db/database';
import type { Limit, Limiter } from './rate-limit';

/**
 * One token bucket per key, refilled and taken in a single statement. The row lock the upsert takes makes
 * concurrent requests of one member, on any process, count one after another. A process whose clock runs
 * behind the last writer's refills nothing (never negative time). `keys` is a FROM item whose `bucket_key`
 * column names the bucket(s); `arg` is the CTE of the limit's figures.
 */
const upsert = (keys: string) => `
  INSERT INTO rate_buckets AS b (key, tokens, at, ok)
    SELECT k.bucket_key, a.burst - a.cost, a.now, true FROM ${keys} k, arg a
  ON CONFLICT (key) DO UPDATE SET
    tokens = (SELECT CASE WHEN r.full >= least(a.cost, a.burst) THEN r.full - a.cost ELSE r.full END
                FROM arg a, LATERAL (SELECT least(a.burst, b.tokens + greatest(0, a.now - b.at) * a.per_ms) AS full) r),
    ok = (SELECT least(a.burst, b.tokens + greatest(0, a.now - b.at) * a.per_ms) >= least(a.cost, a.burst) FROM arg a),
    at = (SELECT greatest(b.at, a.now) FROM arg a)
  RETURNING ok, tokens`;
const ARG = 'arg AS (SELECT $1::float8 AS burst, $2::float8 AS per_ms, $3::float8 AS cost, $4::bigint AS now)';
const TAKE_SQL = `WITH ${ARG}, k AS (SELECT $5::text AS bucket_key) ${upsert('k')}`;

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
    const { rows } = await this.db.query<{ ok: boolean; tokens: number }>(TAKE_SQL, [
      ...this.args(cost),
      `${this.prefix}:${key}`,
    ]);
    return this.waitOf(rows[0]!, cost);
  }

  /**
   * A row found by `lookup` and the take from its bucket, in one statement (one round trip, not two): the
   * request path's token lookup and per-member limit (http/auth.ts). `lookup` is a SELECT over parameters
   * $6.. (`params`) that yields at most one row, with a `bucket_key` column (prefixed here). No row: nothing
   * is taken, and undefined comes back.
   */
  async takeFor<T extends object>(
    lookup: string,
    params: unknown[],
    cost = 1,
  ): Promise<{ row: T; wait: number } | undefined> {
    const sql = `WITH ${ARG}, found AS (${lookup}),
      k AS (SELECT $5::text || ':' || f.bucket_key AS bucket_key FROM found f),
      taken AS (${upsert('k')})
      SELECT found.*, taken.ok, taken.tokens FROM found, taken`;
    const { rows } = await this.db.query<T & { bucket_key: string; ok: boolean; tokens: number }>(sql, [
      ...this.args(cost),
      this.prefix,
      ...params,
    ]);
    const r = rows[0];
    if (!r) return undefined;
    const { bucket_key: _key, ok, tokens, ...row } = r;
    return { row: row as unknown as T, wait: this.waitOf({ ok, tokens }, cost) };
  }

  private args(cost: number): unknown[] {
    return [this.limit.burst, this.limit.perMinute / 60_000, cost, this.now()];
  }

  private waitOf({ ok, tokens }: { ok: boolean; tokens: number }, cost: number): number {
    if (ok) return 0;
    const needed = Math.min(cost, this.limit.burst);
    return Math.max(1, Math.ceil((needed - tokens) / (this.limit.perMinute / 60_000) / 1000));
  }
}
