import type { z } from 'zod';
import { err, ok, type Result } from '../model';
import { endpointApi, type EndpointApi } from './api';
import { ApiErrorSchema } from './protocol';
import { parseRetryAfter } from './backoff';
import { INSECURE_ENDPOINT, isTokenSafeEndpoint } from './endpoint';

/** What the engine talks through: `fetch` in the extension, `app.request` (plus injected faults) in tests. */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Why a call failed, in the terms the engine acts on. */
export interface CallError {
  /** network: nothing came back. http: the server answered non-2xx. invalid: a 2xx we could not read. */
  kind: 'network' | 'http' | 'invalid';
  status?: number;
  code?: string;
  message: string;
  retryAfterMs?: number;
}

export interface CallOptions {
  token?: string;
  now: number;
}

/** Which route to call, and with what: `(api) => api.v1.sync.push.$post({ json: body })`. */
export type EndpointCall = (api: EndpointApi) => Promise<Response>;

/**
 * One JSON call to a community endpoint; every failure comes back as a value the engine can schedule around.
 * The route comes from the server's own route types (lib/sync/api.ts); the answer is still checked by `schema`,
 * since what arrives over the network is only claimed to match them.
 */
export async function call<S extends z.ZodType>(
  fetcher: Fetcher,
  endpoint: string,
  request: EndpointCall,
  schema: S | null,
  opts: CallOptions,
): Promise<Result<z.infer<S>, CallError>> {
  // A membership stored before this rule, or edited by hand, still never sends its token in the clear.
  if (opts.token && !isTokenSafeEndpoint(endpoint)) return err({ kind: 'invalid', message: INSECURE_ENDPOINT });
  const base = new URL(endpoint.replace(/\/+$/, '')).toString();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let res: Response;
  try {
    res = await request(endpointApi(base, fetcher, headers));
  } catch (e) {
    return err({ kind: 'network', message: e instanceof Error ? e.message : 'network error' });
  }
  // A body cut off on the way reads as empty: the status still says what happened.
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(safeJson(text));
    return err({
      kind: 'http',
      status: res.status,
      code: parsed.success ? parsed.data.error.code : undefined,
      message: parsed.success ? parsed.data.error.message : `HTTP ${res.status}`,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), opts.now),
    });
  }
  if (!schema) return ok(undefined as z.infer<S>);
  const parsed = schema.safeParse(safeJson(text));
  if (!parsed.success)
    return err({ kind: 'invalid', status: res.status, message: 'The endpoint sent an answer we cannot read' });
  return ok(parsed.data);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short reason for people: what the popup and options page show. */
export function describeCallError(e: CallError): string {
  if (e.kind === 'network') return 'Offline or the endpoint is unreachable';
  if (e.status === 401) return 'Signed out: the endpoint no longer accepts this device (rejoin with an invite)';
  if (e.status === 429) return 'The endpoint is busy (rate limited); retrying later';
  if (e.status === 503) return 'The endpoint is unavailable; retrying later';
  return e.message.slice(0, 200);
}
