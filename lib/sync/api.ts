import { hc } from 'hono/client';
import type { AppType } from '../../server/src/app';

/**
 * The community endpoint's routes as typed calls, derived from the server's own route table (`AppType`, a type
 * only: no server code is bundled). A path, method or path parameter the server does not route fails to compile.
 */
export type EndpointApi = ReturnType<typeof hc<AppType>>;

/** The calls of the endpoint at `base`, sent through `fetcher` with these headers. */
export function endpointApi(
  base: string,
  fetcher: (url: string, init: RequestInit) => Promise<Response>,
  headers: Record<string, string>,
): EndpointApi {
  // hc always calls fetch with the URL as a string.
  const viaFetcher = ((input: string, init?: RequestInit) => fetcher(String(input), init ?? {})) as typeof fetch;
  return hc<AppType>(base, { fetch: viaFetcher, headers });
}
