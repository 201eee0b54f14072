import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { MAX_BODY_BYTES } from '../../lib/sync/protocol';
import { clientIp } from './http/client-ip';
import type { AppDeps, AppEnv, Services } from './http/env';
import { ApiHttpError, handleError, notFound } from './http/errors';
import { Memo } from './http/memo';
import { AckRecorder } from './sync/acks';
import { WrittenBatches } from './sync/batches';
import { headCache } from './sync/head-cache';
import { DbRateLimiter } from './http/db-rate-limit';
import { RateLimiter, type Limit, type Limiter } from './http/rate-limit';
import { requestLog } from './http/request-log';
import { openApiDocument } from './openapi';
import { community } from './routes/community';
import { impact, reportConsentRoutes, weeklySummaryRoutes } from './routes/impact';
import { health } from './routes/health';
import { invites } from './routes/invites';
import { join } from './routes/join';
import { members } from './routes/members';
import { notes } from './routes/notes';
import { polls } from './routes/polls';
import { sync } from './routes/sync';
import { tokens } from './routes/tokens';
import { DEFAULT_LIMITS } from './limits';
import { webhook } from './routes/webhook';
import { calendarFeed, myCalendar } from './routes/calendar';

export { DEFAULT_LIMITS } from './limits';

/**
 * The endpoint as a Hono app, with no port: index.ts serves it, tests call `app.request()`. Middleware order:
 * the request log, security headers, CORS, per-IP limit, body cap; routes then authenticate and validate.
 */
export function createApp(deps: AppDeps) {
  const now = deps.now ?? Date.now;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  // Several processes may share a real PostgreSQL: their limits per member must be one allowance, not N.
  const shared = (prefix: string, limit: Limit): Limiter =>
    deps.db.kind === 'postgres' ? new DbRateLimiter(deps.db, prefix, limit, now) : new RateLimiter(limit, now);
  const services: Services = {
    db: deps.db,
    cursorKey: deps.cursorKey,
    now,
    publicUrl: deps.publicUrl ?? 'http://127.0.0.1:8787',
    trustProxy: deps.trustProxy ?? false,
    smtp: deps.smtp,
    touchedTokens: new Map(),
    memo: { auth: deps.db.kind === 'pglite' ? new Memo() : undefined, head: headCache(deps.db) },
    acks: new AckRecorder(deps.db, now),
    written: new WrittenBatches(),
    limits,
    limiters: {
      perMember: shared('member', limits.perMember),
      perIp: new RateLimiter(limits.perIp, now),
      joinPerIp: shared('join', limits.joinPerIp),
      writesPerMember: shared('writes', limits.writesPerMember),
    },
  };
  const maxBytes = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  const openApi = JSON.stringify(openApiDocument());

  const app = new Hono<AppEnv>()
    .use(requestLog(deps.log ?? (() => {})))
    .use(secureHeaders())
    // Bearer tokens, no cookies: any origin may call, and no Origin is ever echoed back.
    .use(
      cors({
        origin: '*',
        allowHeaders: ['Authorization', 'Content-Type'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      }),
    )
    .use(async (c, next) => {
      c.set('services', services);
      c.set('ip', clientIp(c, services.trustProxy));
      const wait = services.limiters.perIp.take(c.var.ip);
      if (wait) throw new ApiHttpError(429, 'rate_limited', 'Too many requests', { 'Retry-After': String(wait) });
      try {
        await next();
      } finally {
        // Any write outside sync (join, tokens, members, community) may change who a token is: forget them all.
        // Not for a refused one (4xx changed nothing): anyone could flush the memo with failed joins.
        const isRefused = (c.res?.status ?? 500) >= 400 && (c.res?.status ?? 500) < 500;
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !c.req.path.startsWith('/v1/sync/') && !isRefused) {
          services.memo.auth?.invalidate();
        }
      }
    })
    .use(
      bodyLimit({
        maxSize: maxBytes,
        onError: () => {
          // Answered before the body is read: Node then drops the connection rather than read megabytes more,
          // so say so (a client that reused it for its next request would see "other side closed").
          throw new ApiHttpError(413, 'payload_too_large', `Bodies are capped at ${maxBytes} bytes`, {
            Connection: 'close',
          });
        },
      }),
    )
    .route('/', health)
    .route('/', join)
    .get('/v1/openapi.json', (c) => c.body(openApi, 200, { 'Content-Type': 'application/json' }))
    .route('/v1/community/webhook', webhook)
    .route('/v1/community/impact', impact)
    .route('/v1/community/me/report-consent', reportConsentRoutes)
    .route('/v1/community/me/weekly-summary', weeklySummaryRoutes)
    .route('/v1/community', community)
    .route('/v1/members/me/calendar', myCalendar)
    .route('/v1/members', members)
    .route('/v1/calendar', calendarFeed)
    .route('/v1/notes', notes)
    .route('/v1/polls', polls)
    .route('/v1/tokens', tokens)
    .route('/v1/invites', invites)
    .route('/v1/sync', sync);
  app.onError(handleError);
  app.notFound(notFound);
  return app;
}

/** The endpoint's route types, for a typed client (`hono/client`). */
export type AppType = ReturnType<typeof createApp>;
