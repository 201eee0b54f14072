import type { Queryable } from '../db/database';

/** Who sends a row: the ritual webhook sender or the weekly e-mail sender. Each claims only its own. */
export type OutboxChannel = 'webhook' | 'email';

export type OutboxState = 'pending' | 'sending' | 'delivered' | 'failed' | 'unconfirmed';

export interface OutboxRow {
  deliveryKey: string;
  communityId: string;
  payload: unknown;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
}

/**
 * Puts a post in the outbox once: a second enqueue of the same delivery key (the scheduler running twice, two
 * processes on one database) changes nothing. Resolves to whether this call added it.
 */
export async function enqueue(
  db: Queryable,
  p: { deliveryKey: string; communityId: string; payload: unknown; at: number; channel?: OutboxChannel },
): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO ritual_outbox (delivery_key, community_id, payload, state, next_attempt_at, created_at, channel)
     VALUES ($1, $2, $3, 'pending', $4, $4, $5) ON CONFLICT (delivery_key) DO NOTHING RETURNING delivery_key`,
    [p.deliveryKey, p.communityId, JSON.stringify(p.payload), p.at, p.channel ?? 'webhook'],
  );
  return rows.length === 1;
}

/**
 * Claims one due post for sending until `now + leaseMs` (atomically: two workers never claim the same row).
 * A row still `sending` after its lease belonged to a worker that died mid-request: it may have been posted, so
 * it is settled as `unconfirmed`, never claimed again.
 */
export async function claimDue(
  db: Queryable,
  now: number,
  leaseMs: number,
  channel: OutboxChannel = 'webhook',
): Promise<OutboxRow | null> {
  await db.query(
    `UPDATE ritual_outbox SET state = 'unconfirmed', settled_at = $1,
       last_error = 'the sender stopped during the request; not re-sent in case it was posted'
     WHERE state = 'sending' AND claimed_until < $1 AND channel = $2`,
    [now, channel],
  );
  const { rows } = await db.query<Record<string, unknown>>(
    `UPDATE ritual_outbox SET state = 'sending', claimed_until = $2, attempts = attempts + 1
     WHERE delivery_key = (
       SELECT delivery_key FROM ritual_outbox WHERE state = 'pending' AND next_attempt_at <= $1 AND channel = $3
       ORDER BY next_attempt_at, delivery_key LIMIT 1 FOR UPDATE SKIP LOCKED)
     AND state = 'pending'
     RETURNING delivery_key, community_id, payload, state, attempts, next_attempt_at, last_error`,
    [now, now + leaseMs, channel],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Settles a claimed post: delivered, failed, unconfirmed, or back to pending for `retryAt`. Only from `sending`. */
export async function settle(
  db: Queryable,
  key: string,
  outcome: { state: Exclude<OutboxState, 'sending'>; at: number; retryAt?: number; error?: string },
): Promise<void> {
  await db.query(
    `UPDATE ritual_outbox SET state = $2, claimed_until = NULL, last_error = $3,
       next_attempt_at = COALESCE($4, next_attempt_at), settled_at = CASE WHEN $2 = 'pending' THEN NULL ELSE $5::bigint END
     WHERE delivery_key = $1 AND state = 'sending'`,
    [key, outcome.state, outcome.error ?? null, outcome.retryAt ?? null, outcome.at],
  );
}

export async function listOutbox(db: Queryable, communityId: string): Promise<OutboxRow[]> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT delivery_key, community_id, payload, state, attempts, next_attempt_at, last_error
     FROM ritual_outbox WHERE community_id = $1 ORDER BY created_at, delivery_key`,
    [communityId],
  );
  return rows.map(toRow);
}

function toRow(r: Record<string, unknown>): OutboxRow {
  return {
    deliveryKey: r.delivery_key as string,
    communityId: r.community_id as string,
    payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
    state: r.state as OutboxState,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    lastError: (r.last_error as string | null) ?? null,
  };
}
