/** Token-bucket limits: `burst` requests at once, refilled at `perMinute`. */
export interface Limit {
  burst: number;
  perMinute: number;
}

/** Takes `cost` from the bucket of `key`: 0 when allowed (and counted), else the seconds to wait. */
export interface Limiter {
  take(key: string, cost?: number): number | Promise<number>;
}

/**
 * In-memory buckets keyed by member id or IP. Per process: on PGlite (one process) that is every limit; on a
 * shared PostgreSQL the per-member and join limits live in the database instead (db-rate-limit.ts) and only
 * the per-IP flood guard stays here, bounded by the process count.
 */
export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * 0 when allowed (and counted), else the seconds to wait. `cost` counts several units at once (a push's
   * mutations); a cost above the burst passes on a full bucket and leaves it in debt, so it never waits forever.
   */
  take(key: string, cost = 1): number {
    const t = this.now();
    const refillPerMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: t };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    if (this.buckets.size > 50_000) this.prune(t, refillPerMs);
    this.buckets.set(key, bucket);
    const needed = Math.min(cost, this.limit.burst);
    if (bucket.tokens >= needed) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((needed - bucket.tokens) / refillPerMs / 1000));
  }

  private prune(t: number, refillPerMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (t - b.at) * refillPerMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
