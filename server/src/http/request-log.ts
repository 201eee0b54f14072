import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

/** Where log lines go: stdout in production (one JSON object a line, for any log shipper), nowhere in tests. */
export type LogSink = (line: string) => void;

/** One request as the log records it: what was asked and how it went, nothing a caller sent. */
export interface RequestLogLine {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  method: string;
  /** The matched route's pattern (`/v1/members/:id`), never the path, its query or any header. */
  route: string | null;
  status: number;
  ms: number;
}

/**
 * One JSON line per request. It names the route by its pattern, so ids, cursors and query strings stay out;
 * headers (Authorization) and bodies (invite codes, tokens in a join's answer) are never read. Mounted first,
 * so rate-limited and failed requests are logged with the status they left with.
 */
export function requestLog(sink: LogSink, clock: () => number = () => performance.now()): MiddlewareHandler {
  return async (c, next) => {
    const start = clock();
    await next();
    const status = c.res.status;
    const route = routePath(c, -1);
    const line: RequestLogLine = {
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: c.req.method,
      route: route === '*' || route === '/*' ? null : route,
      status,
      ms: Math.round((clock() - start) * 10) / 10,
    };
    sink(JSON.stringify(line));
  };
}
