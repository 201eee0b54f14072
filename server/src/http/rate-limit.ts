/** Token-bucket limits: `burst` requests at once, refilled at `perMinute`. */
export interface Limit {
  burst: number;
  perMinute: number;
}

/**
 * In-memory buckets keyed by token id or IP. Per process: behind a load balancer each app process limits on
 * its own, which still bounds abuse by the process count.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when allowed (and counted), else the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const refillPerMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: t };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    if (this.buckets.size > 50_000) this.prune(t, refillPerMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
  }

  private prune(t: number, refillPerMs: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (t - b.at) * refillPerMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
