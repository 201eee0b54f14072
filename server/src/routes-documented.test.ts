import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../testing/harness';

/** `METHOD /path` with path parameters written as OpenAPI writes them (`{id}`). */
const key = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;

/** Routes that answer something other than the JSON API, so the OpenAPI document leaves them out. */
const NOT_IN_OPENAPI = [
  'GET /join', // an HTML page for people who open an invite link in a browser
  'GET /v1/openapi.json', // the document itself
];

/** Every `METHOD /path` of the README's endpoint table (one row may list several methods). */
function readmeRoutes(): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const routes: string[] = [];
  for (const m of readme.matchAll(/^\| `((?:[A-Z]+, )*[A-Z]+) (\/[^`\s]*)` +\|/gm)) {
    for (const method of m[1]!.split(', ')) routes.push(key(method, m[2]!));
  }
  const served = /served at `GET (\/[^`]+)`/.exec(readme);
  if (served) routes.push(key('GET', served[1]!));
  return routes.sort();
}

describe('the HTTP contract is written once', () => {
  const t = useTestServer('pglite');

  /** What the app routes (middleware is registered as method ALL). */
  const routed = () =>
    [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, r.path)))].sort();

  it('routes every path server/README.md documents, and documents every route', () => {
    expect(routed().length).toBeGreaterThan(15);
    expect(readmeRoutes()).toEqual(routed());
  });

  it('routes every operation of the OpenAPI document, and documents every JSON route there', async () => {
    const doc = (await t.request('GET', '/v1/openapi.json')).json as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => key(m, path)));
    expect(documented.length).toBeGreaterThan(15);
    expect([...documented, ...NOT_IN_OPENAPI].sort()).toEqual(routed());
  });
});
