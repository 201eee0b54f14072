import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../../lib/sync/protocol';
import { isBadInputDbError, isUniqueViolation } from './db-errors';

/** The one error type routes throw: status, protocol code and a message safe to show a member. */
export class ApiHttpError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, { message });
  }
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Hono's onError: every failure leaves as `{ error: { code, message } }`; unexpected ones are logged, not shown. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiHttpError) {
    return c.json({ error: { code: error.code, message: error.message } }, error.status, error.headers);
  }
  if (error instanceof HTTPException) {
    const code = CODE_BY_STATUS[error.status] ?? (error.status < 500 ? 'bad_request' : 'internal');
    return c.json({ error: { code, message: error.message || code } }, error.status);
  }
  if (isBadInputDbError(error)) {
    return c.json({ error: { code: 'bad_request', message: 'The database refused a value in this request' } }, 400);
  }
  if (isUniqueViolation(error)) {
    return c.json({ error: { code: 'conflict', message: 'That conflicts with what another request just did' } }, 409);
  }
  console.error('unhandled error:', error);
  return c.json({ error: { code: 'internal', message: 'Internal server error' } }, 500);
}

export const notFound = (c: Context): Response =>
  c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404);
