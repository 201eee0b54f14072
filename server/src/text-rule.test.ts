import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../testing/harness';
import { client } from '../testing/notes';
import { BAD_CHARS, fullNote, stringPaths, withString } from '../testing/string-paths';

/**
 * Issue 15 item 2: a NUL or a lone surrogate in ANY string of a pushed mutation is a 400 that changes nothing,
 * never a 500 (a 500 made the client retry that push forever, so its sync stopped for good).
 */
describe.each(BACKENDS)('the text rule on %s', (backend) => {
  const t = useTestServer(backend);

  it('any string field of a pushed mutation with NUL or a lone surrogate → 400, never 500', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    const base = dev.create(fullNote());
    const ok = await t.request('POST', '/v1/sync/push', { token: ana.token, body: { mutations: [base] } });
    expect(ok.status).toBe(200);
    const edit = dev.edit((base as { note: { id: string } }).note.id, { takeaway: 'ours', tags: ['a', 'b'] });
    const mutations = [dev.create(fullNote()), edit];
    const paths = mutations.map((mutation) => stringPaths(mutation));
    expect(paths[0]!.length).toBeGreaterThan(40);
    const before = await t.snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1 }),
        fc.nat(),
        fc.constantFrom(...BAD_CHARS),
        fc.nat({ max: 200 }),
        async (which, pick, bad, at) => {
          const path = paths[which]![pick % paths[which]!.length]!;
          const mutation = withString(mutations[which]!, path, (s) => s.slice(0, at) + bad + s.slice(at));
          const res = await t.request('POST', '/v1/sync/push', { token: ana.token, body: { mutations: [mutation] } });
          expect({ path: path.join('.'), status: res.status, code: res.json?.error?.code }).toEqual({
            path: path.join('.'),
            status: 400,
            code: 'bad_request',
          });
        },
      ),
      { numRuns: 60, seed: 15 },
    );
    expect(await t.snapshot()).toBe(before);
  });

  it('stores the parsed URL, not the input', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const note = fullNote({
      page: { url: 'HTTPS://Example.ORG:443/a b?q=é', canonicalUrl: 'https://example.org/a%20b', title: 'T' },
    });
    const res = await t.request('POST', '/v1/sync/push', {
      token: ana.token,
      body: { mutations: [client().create(note)] },
    });
    expect(res.status).toBe(200);
    const { rows } = await t.db.query<{ url: string }>(`SELECT body->'page'->>'url' AS url FROM notes`);
    expect(rows).toEqual([{ url: 'https://example.org/a%20b?q=%C3%A9' }]);
  });
});
