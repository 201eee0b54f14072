// Compile-time checks that the client's calls derive from the server's routes (`npx tsc --noEmit` fails if an
// `@ts-expect-error` line below stops being an error). Nothing here runs.
import type { EndpointApi } from './api';

export function endpointApiTypeChecks(api: EndpointApi): void {
  // Routed: each compiles, and the answer's JSON is the server's type.
  void api.v1.sync.push.$post({ json: { mutations: [] } }).then((r) => r.json().then((b) => b.results.length));
  void api.v1.sync.pull.$get({ query: { limit: '10' } });
  void api.v1.members[':id'].notes.$delete({ param: { id: 'm1' } });
  void api.v1.tokens[':id'].$delete({ param: { id: 'current' } });
  void api.healthz.$get();
  // @ts-expect-error no such route
  void api.v1.sync.pul.$get();
  // @ts-expect-error pull is a GET, not a POST
  void api.v1.sync.pull.$post();
  // @ts-expect-error notes are deleted one by one: no DELETE /v1/notes
  void api.v1.notes.$delete();
  // @ts-expect-error community is not under members
  void api.v1.members.community.$get();
}
