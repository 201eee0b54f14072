import type { Database } from '../db/database';
import { claimDue, settle, type OutboxRow, type OutboxState } from './outbox';
import { webhookTarget } from './webhooks';

export interface DeliveryPolicy {
  /** Sends of one post before it is settled as failed. */
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** A request not answered in this time may have been posted: settled as unconfirmed, never re-sent. */
  timeoutMs: number;
  /** How long a claim holds; a worker that dies leaves its claim to expire into `unconfirmed`. */
  leaseMs: number;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  maxAttempts: 6,
  baseBackoffMs: 30_000,
  maxBackoffMs: 3_600_000,
  timeoutMs: 15_000,
  leaseMs: 120_000,
};

export type Outcome =
  | { state: Exclude<OutboxState, 'sending' | 'pending'>; error?: string }
  | { state: 'pending'; retryAt: number; error: string };

/**
 * Connection errors raised before a single byte of the request left (nothing can have been posted): the only
 * network failures that are retried. Anything later (reset, timeout) may have been posted, and is not.
 */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * How long the platform asked us to wait, in ms: Slack and Teams send `Retry-After` in seconds
 * (docs.slack.dev/apis/web-api/rate-limits), Discord also puts `retry_after` (seconds, fractional) in the JSON
 * body of its 429 (discord.com/developers/docs/topics/rate-limits). The longer of the two wins.
 */
export function retryAfterMs(headers: Headers, body: string, now: number): number | null {
  let ms: number | null = null;
  const h = headers.get('retry-after');
  if (h !== null) {
    const s = Number(h);
    if (Number.isFinite(s) && s >= 0) ms = s * 1000;
    else if (!Number.isNaN(Date.parse(h))) ms = Math.max(0, Date.parse(h) - now);
  }
  try {
    const j = JSON.parse(body) as { retry_after?: unknown };
    if (typeof j.retry_after === 'number' && j.retry_after >= 0) ms = Math.max(ms ?? 0, j.retry_after * 1000);
  } catch {
    // not JSON: Slack and Teams answer 429 in plain text
  }
  return ms === null ? null : Math.ceil(ms);
}

export const backoff = (p: DeliveryPolicy, attempts: number) =>
  Math.min(p.maxBackoffMs, p.baseBackoffMs * 2 ** (attempts - 1));

/** What one send's answer means for the post. Pure: every platform's answers are tested against it. */
export function classify(
  answer: { status: number; headers: Headers; body: string } | { error: unknown },
  attempts: number,
  now: number,
  p: DeliveryPolicy,
): Outcome {
  const retry = (after: number, error: string): Outcome =>
    attempts >= p.maxAttempts
      ? { state: 'failed', error: `${error}; gave up after ${attempts} attempts` }
      : { state: 'pending', retryAt: now + after, error };
  if ('error' in answer) {
    const code = (answer.error as { cause?: { code?: unknown } })?.cause?.code;
    if (typeof code === 'string' && NOT_SENT.has(code))
      return retry(backoff(p, attempts), `could not connect (${code})`);
    return { state: 'unconfirmed', error: 'no answer: the post may have arrived, so it is not sent again' };
  }
  const { status } = answer;
  if (status >= 200 && status < 300) return { state: 'delivered' };
  if (status === 429)
    return retry(retryAfterMs(answer.headers, answer.body, now) ?? backoff(p, attempts), 'rate limited (429)');
  if (status >= 500) return retry(backoff(p, attempts), `the platform failed (${status})`);
  return {
    state: 'failed',
    error: `refused (${status}): ${answer.body.slice(0, 200).replace(/https?:\/\/\S+/g, '[link]')}`,
  };
}

/** Sends one claimed post to its community's webhook and settles it. */
async function sendOne(db: Database, row: OutboxRow, now: () => number, p: DeliveryPolicy, fetchImpl: typeof fetch) {
  const url = await webhookTarget(db, row.communityId);
  if (!url) return settle(db, row.deliveryKey, { state: 'failed', at: now(), error: 'the community has no webhook' });
  let answer: Parameters<typeof classify>[0];
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(row.payload),
      redirect: 'error',
      signal: AbortSignal.timeout(p.timeoutMs),
    });
    answer = { status: res.status, headers: res.headers, body: await res.text() };
  } catch (error) {
    answer = { error };
  }
  const outcome = classify(answer, row.attempts, now(), p);
  await settle(db, row.deliveryKey, { ...outcome, at: now() });
}

/**
 * Sends every post that is due, one at a time (a community's posts keep their order; rate limits are per hook).
 * Safe to run from several processes at once: claims are atomic, and a post is never sent after a send whose
 * fate is unknown. Resolves to the number of sends made.
 */
export async function deliverDue(
  db: Database,
  o: { now: () => number; policy?: DeliveryPolicy; fetch?: typeof fetch; limit?: number },
): Promise<number> {
  const p = o.policy ?? DEFAULT_POLICY;
  let sent = 0;
  for (; sent < (o.limit ?? 100); sent++) {
    const row = await claimDue(db, o.now(), p.leaseMs);
    if (!row) break;
    await sendOne(db, row, o.now, p, o.fetch ?? fetch);
  }
  return sent;
}
