import type { Queryable } from '../db/database';

/**
 * A member's cursor is written at most this often per process. A value a little behind only holds compaction
 * back (the safe side); it also says the member is still active.
 */
const REFRESH_MS = 60_000;

/**
 * Records each member's last acknowledged pull cursor (members.acked_version/acked_at, migration 011): the
 * version the client sent back, so it holds everything up to it. Compaction never moves the fence past an
 * active member's cursor (sync/compact.ts). Pages and polls in between write nothing.
 */
export class AckRecorder {
  private readonly last = new Map<string, { version: number; at: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number,
  ) {}

  async record(memberId: string, version: number): Promise<void> {
    const t = this.now();
    const seen = this.last.get(memberId);
    if (seen && seen.at > t - REFRESH_MS) return;
    if (this.last.size > 100_000) this.last.clear();
    this.last.set(memberId, { version, at: t });
    await this.db.query('UPDATE members SET acked_version = $2, acked_at = $3 WHERE id = $1', [memberId, version, t]);
  }
}
