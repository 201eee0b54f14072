import type { DeliveryPolicy, Outcome } from '../rituals/deliver';
import { backoff } from '../rituals/deliver';

/** nodemailer's codes for a connection that failed before any message was handed over. */
const NOT_SENT = new Set(['ECONNECTION', 'ECONNREFUSED', 'EDNS', 'ETLS']);

/**
 * What one SMTP send's result means for its outbox row. Pure. A 4xx answer (greylisting, a full queue) or a
 * connection refused before the message was handed over is retried with backoff; a 5xx answer is final; any
 * other failure (the connection dropped after DATA) may have delivered the message, so it is not re-sent.
 */
export function classifySmtp(error: unknown, attempts: number, now: number, p: DeliveryPolicy): Outcome {
  if (error === null) return { state: 'delivered' };
  const e = error as { responseCode?: unknown; code?: unknown; response?: unknown };
  const retry = (why: string): Outcome =>
    attempts >= p.maxAttempts
      ? { state: 'failed', error: `${why}; gave up after ${attempts} attempts` }
      : { state: 'pending', retryAt: now + backoff(p, attempts), error: why };
  const reply = typeof e.response === 'string' ? e.response.slice(0, 200) : '';
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 400 && e.responseCode < 500) return retry(`the mail server deferred it (${reply})`);
    if (e.responseCode >= 500) return { state: 'failed', error: `the mail server refused it (${reply})` };
  }
  if (typeof e.code === 'string' && NOT_SENT.has(e.code)) return retry(`could not reach the mail server (${e.code})`);
  return {
    state: 'unconfirmed',
    error: 'the connection ended mid-send: the mail may have arrived, so it is not sent again',
  };
}
