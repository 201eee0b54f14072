import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../lib/sync/hlc';
import { MAX_BODY_BYTES, MAX_PUSH_BATCH, type JoinResponse } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer, type RequestOptions } from '../testing/harness';
import { client, makeNote } from '../testing/notes';
import { fullNote, stringPaths, withString } from '../testing/string-paths';

/** The world each bad request runs against: two communities, members, notes, a revoked token. */
interface World {
  admin: JoinResponse;
  ana: JoinResponse;
  bo: JoinResponse;
  fa: JoinResponse;
  bea: JoinResponse;
  revoked: JoinResponse;
  removed: JoinResponse;
  anaNote: string;
  boNote: string;
  beaNote: string;
  cursor: string;
  inviteCode: string;
}

type Case = [name: string, status: number, code: string, request: (w: World) => [string, string, RequestOptions]];

const m = (extra: Record<string, unknown>) => ({
  clientId: 'bad-client-1',
  mutationNumber: 1,
  hlc: formatHlc(1, 0),
  ...extra,
});
const pushBody = (...mutations: unknown[]) => ({ mutations });
const push = (token: string, body: unknown, o: RequestOptions = {}): [string, string, RequestOptions] => [
  'POST',
  '/v1/sync/push',
  { token, body, ...o },
];
const rawPush = (token: string, raw: string): [string, string, RequestOptions] => [
  'POST',
  '/v1/sync/push',
  { token, raw, headers: { 'content-type': 'application/json' } },
];
const create = (note: unknown) => pushBody(m({ op: 'create', note }));

const CASES: Case[] = [
  ['no Authorization header', 401, 'unauthorized', () => ['GET', '/v1/sync/pull', {}]],
  [
    'Basic instead of Bearer',
    401,
    'unauthorized',
    (w) => ['GET', '/v1/sync/pull', { headers: { authorization: `Basic ${w.ana.token}` } }],
  ],
  ['unknown token', 401, 'unauthorized', () => ['GET', '/v1/sync/pull', { token: `cp_${'A'.repeat(43)}` }]],
  ['revoked token', 401, 'unauthorized', (w) => ['GET', '/v1/sync/pull', { token: w.revoked.token }]],
  ['token of a removed member', 401, 'unauthorized', (w) => push(w.removed.token, create(makeNote()))],
  [
    'token in the URL instead of the header',
    401,
    'unauthorized',
    (w) => ['GET', `/v1/sync/pull?token=${w.ana.token}`, {}],
  ],
  [
    'text/plain body',
    415,
    'unsupported_media_type',
    (w) => push(w.ana.token, create(makeNote()), { headers: { 'content-type': 'text/plain' } }),
  ],
  [
    'form-encoded body',
    415,
    'unsupported_media_type',
    (w) => [
      'POST',
      '/v1/sync/push',
      { token: w.ana.token, raw: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ],
  ],
  [
    'oversized body',
    413,
    'payload_too_large',
    (w) => rawPush(w.ana.token, `{"mutations":"${'a'.repeat(MAX_BODY_BYTES)}"}`),
  ],
  [
    'oversized chunked body (no Content-Length)',
    413,
    'payload_too_large',
    (w) => {
      const chunk = new TextEncoder().encode('a'.repeat(1024 * 1024));
      let sent = 0;
      const raw = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 6) controller.enqueue(chunk);
          else controller.close();
        },
      });
      return ['POST', '/v1/sync/push', { token: w.ana.token, raw, headers: { 'content-type': 'application/json' } }];
    },
  ],
  ['malformed JSON', 400, 'bad_request', (w) => rawPush(w.ana.token, '{"mutations": [')],
  [
    'deeply nested JSON',
    400,
    'bad_request',
    (w) => rawPush(w.ana.token, `{"mutations":${'['.repeat(5000)}${']'.repeat(5000)}}`),
  ],
  ['unknown top-level field', 400, 'bad_request', (w) => push(w.ana.token, { ...create(makeNote()), isAdmin: true })],
  ['unknown field inside a note', 400, 'bad_request', (w) => push(w.ana.token, create({ ...makeNote(), extra: 1 }))],
  [
    '__proto__ key at the top',
    400,
    'bad_request',
    (w) => rawPush(w.ana.token, JSON.stringify(create(makeNote())).replace(/^\{/, '{"__proto__":{"isAdmin":true},')),
  ],
  [
    '__proto__ key inside page',
    400,
    'bad_request',
    (w) => {
      const json = JSON.stringify(create(makeNote())).replace('"page":{', '"page":{"__proto__":{"polluted":true},');
      return rawPush(w.ana.token, json);
    },
  ],
  ['NUL byte in a takeaway', 400, 'bad_request', (w) => push(w.ana.token, create(makeNote({ takeaway: 'a\u0000b' })))],
  [
    'lone surrogate in a quote',
    400,
    'bad_request',
    (w) => rawPush(w.ana.token, JSON.stringify(create(makeNote())).replace('"quote":"', '"quote":"\\ud800')),
  ],
  [
    'javascript: page URL',
    400,
    'bad_request',
    (w) =>
      push(
        w.ana.token,
        create(makeNote({ page: { url: 'javascript:alert(1)', canonicalUrl: 'https://a.org/', title: 't' } })),
      ),
  ],
  [
    'data: canonical URL',
    400,
    'bad_request',
    (w) =>
      push(
        w.ana.token,
        create(
          makeNote({ page: { url: 'https://a.org/', canonicalUrl: 'data:text/html,<script>1</script>', title: 't' } }),
        ),
      ),
  ],
  [
    'zero mutation number',
    400,
    'bad_request',
    (w) => push(w.ana.token, pushBody(m({ op: 'thank', noteId: w.boNote, mutationNumber: 0 }))),
  ],
  [
    'wall-clock string as HLC',
    400,
    'bad_request',
    (w) => push(w.ana.token, pushBody(m({ op: 'thank', noteId: w.boNote, hlc: new Date().toISOString() }))),
  ],
  ['empty batch', 400, 'bad_request', (w) => push(w.ana.token, pushBody())],
  [
    'batch over the limit',
    400,
    'bad_request',
    (w) =>
      push(
        w.ana.token,
        pushBody(
          ...Array.from({ length: MAX_PUSH_BATCH + 1 }, (_, i) =>
            m({ op: 'thank', noteId: w.boNote, mutationNumber: i + 1 }),
          ),
        ),
      ),
  ],
  [
    'editing another member’s note',
    403,
    'forbidden',
    (w) => push(w.ana.token, pushBody(m({ op: 'edit', noteId: w.boNote, patch: { takeaway: 'mine now' } }))),
  ],
  [
    'deleting another member’s note',
    403,
    'forbidden',
    (w) => push(w.ana.token, pushBody(m({ op: 'delete', noteId: w.boNote }))),
  ],
  [
    'overwriting another member’s note by create',
    409,
    'conflict',
    (w) => push(w.ana.token, create(makeNote({ id: w.boNote }))),
  ],
  [
    'thanking your own note',
    422,
    'unprocessable',
    (w) => push(w.ana.token, pushBody(m({ op: 'thank', noteId: w.anaNote }))),
  ],
  [
    'a create naming another community',
    403,
    'forbidden',
    (w) => push(w.ana.token, create(makeNote({ communityId: w.bea.community.id }))),
  ],
  [
    'a good mutation batched with a forbidden one',
    403,
    'forbidden',
    (w) =>
      push(
        w.ana.token,
        pushBody(m({ op: 'create', note: makeNote() }), m({ op: 'delete', noteId: w.boNote, mutationNumber: 2 })),
      ),
  ],
  [
    'tampered cursor',
    400,
    'invalid_cursor',
    (w) => [
      'GET',
      `/v1/sync/pull?cursor=${encodeURIComponent(w.cursor.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))}`,
      { token: w.ana.token },
    ],
  ],
  [
    'forged cursor',
    400,
    'invalid_cursor',
    (w) => {
      const payload = Buffer.from(JSON.stringify([w.ana.community.id, w.ana.community.epoch, 0])).toString('base64url');
      return ['GET', `/v1/sync/pull?cursor=${payload}.${'A'.repeat(43)}`, { token: w.ana.token }];
    },
  ],
  [
    'another community’s cursor',
    400,
    'invalid_cursor',
    (w) => ['GET', `/v1/sync/pull?cursor=${encodeURIComponent(w.cursor)}`, { token: w.bea.token }],
  ],
  ['limit 0', 400, 'bad_request', (w) => ['GET', '/v1/sync/pull?limit=0', { token: w.ana.token }]],
  ['limit too large', 400, 'bad_request', (w) => ['GET', '/v1/sync/pull?limit=100000', { token: w.ana.token }]],
  ['limit not a number', 400, 'bad_request', (w) => ['GET', '/v1/sync/pull?limit=ten', { token: w.ana.token }]],
  ['limit given twice', 400, 'bad_request', (w) => ['GET', '/v1/sync/pull?limit=5&limit=6', { token: w.ana.token }]],
  [
    'unknown query parameter',
    400,
    'bad_request',
    (w) => ['GET', '/v1/sync/pull?communityId=x', { token: w.ana.token }],
  ],
  [
    'malformed invite code',
    400,
    'bad_request',
    () => ['POST', '/v1/join', { body: { code: 'short', displayName: 'Eve' } }],
  ],
  [
    'unknown invite code',
    403,
    'invite_invalid',
    () => ['POST', '/v1/join', { body: { code: 'A'.repeat(22), displayName: 'Eve' } }],
  ],
  [
    'blank display name',
    400,
    'bad_request',
    (w) => ['POST', '/v1/join', { body: { code: w.inviteCode, displayName: '   ' } }],
  ],
  ...(
    [
      ['a zero-width space', 'Eve\u200B'],
      ['a word joiner', 'E\u2060ve'],
      ['a variation selector', 'Eve\uFE0F'],
      ['a soft hyphen', 'E\u00ADve'],
      ['a Hangul filler', '\u3164Eve'],
      ['a control character', 'Eve\u0007'],
    ] as const
  ).flatMap(([what, displayName]): Case[] => [
    [
      `joining with ${what} in the display name`,
      400,
      'bad_request',
      (w) => ['POST', '/v1/join', { body: { code: w.inviteCode, displayName } }],
    ],
    [
      `renaming with ${what} in the display name`,
      400,
      'bad_request',
      (w) => ['PATCH', '/v1/members/me', { token: w.bo.token, body: { displayName } }],
    ],
  ]),
  [
    'joining as a look-alike of a member (Cyrillic А in Ana)',
    409,
    'conflict',
    (w) => ['POST', '/v1/join', { body: { code: w.inviteCode, displayName: '\u0410na' } }],
  ],
  [
    'renaming to a look-alike of a member (Greek Α in Ana)',
    409,
    'conflict',
    (w) => ['PATCH', '/v1/members/me', { token: w.bo.token, body: { displayName: '\u0391na' } }],
  ],
  [
    'joining with a chosen role',
    400,
    'bad_request',
    (w) => ['POST', '/v1/join', { body: { code: w.inviteCode, displayName: 'Eve', role: 'admin' } }],
  ],
  [
    'raising your own role',
    400,
    'bad_request',
    (w) => ['PATCH', '/v1/members/me', { token: w.ana.token, body: { displayName: 'Ana', role: 'admin' } }],
  ],
  ['member creating an invite', 403, 'forbidden', (w) => ['POST', '/v1/invites', { token: w.ana.token, body: {} }]],
  [
    'member removing a member',
    403,
    'forbidden',
    (w) => ['DELETE', `/v1/members/${w.bo.member.id}`, { token: w.ana.token }],
  ],
  [
    'facilitator inviting an admin',
    400,
    'bad_request',
    (w) => ['POST', '/v1/invites', { token: w.fa.token, body: { role: 'admin' } }],
  ],
  [
    'removing another community’s member',
    404,
    'not_found',
    (w) => ['DELETE', `/v1/members/${w.bea.member.id}`, { token: w.fa.token }],
  ],
  [
    'revoking another member’s token',
    404,
    'not_found',
    (w) => ['DELETE', `/v1/tokens/${w.bo.tokenId}`, { token: w.ana.token }],
  ],
  ['non-UUID member id', 400, 'bad_request', (w) => ['DELETE', '/v1/members/1%20OR%201=1', { token: w.fa.token }]],
  ['unknown route', 404, 'not_found', (w) => ['GET', '/v1/notes', { token: w.ana.token }]],
];

/**
 * Every string field of every request schema, with a NUL in it: 400 and nothing changed (issue 15 item 2).
 * Each request is a valid one (every optional field filled) walked for its strings, so a field added later
 * is covered without touching this list.
 */
const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
const STRING_REQUESTS: [
  name: string,
  body: unknown,
  send: (w: World, body: unknown) => [string, string, RequestOptions],
][] = [
  ['push create', pushBody(m({ op: 'create', note: fullNote() })), (w, body) => push(w.ana.token, body)],
  [
    'push edit',
    pushBody(m({ op: 'edit', noteId: PLACEHOLDER, patch: { kind: 'win', takeaway: 'ours', tags: ['a'] } })),
    (w, body) => push(w.ana.token, JSON.parse(JSON.stringify(body).replace(PLACEHOLDER, w.anaNote))),
  ],
  ['push thank', pushBody(m({ op: 'thank', noteId: PLACEHOLDER })), (w, body) => push(w.ana.token, body)],
  [
    'join',
    { code: 'A'.repeat(22), displayName: 'Eve' },
    (w, body) => [
      'POST',
      '/v1/join',
      { body: { ...(body as object), code: (body as { code: string }).code.replace('A'.repeat(22), w.inviteCode) } },
    ],
  ],
  ['rename yourself', { displayName: 'Ana' }, (w, body) => ['PATCH', '/v1/members/me', { token: w.ana.token, body }]],
  ['rename the community', { name: 'Ours' }, (w, body) => ['PATCH', '/v1/community', { token: w.admin.token, body }]],
  [
    'set a role',
    { role: 'member' },
    (w, body) => ['PATCH', `/v1/members/${w.bo.member.id}`, { token: w.admin.token, body }],
  ],
  ['mint a token', { label: 'laptop' }, (w, body) => ['POST', '/v1/tokens', { token: w.ana.token, body }]],
  ['create an invite', { role: 'member' }, (w, body) => ['POST', '/v1/invites', { token: w.fa.token, body }]],
  [
    'pull',
    { cursor: 'CURSOR', limit: '5' },
    (w, body) => {
      const q = body as Record<string, string>;
      const cursor = q.cursor!.replace('CURSOR', w.cursor);
      return ['GET', `/v1/sync/pull?${new URLSearchParams({ ...q, cursor })}`, { token: w.ana.token }];
    },
  ],
];
const STRING_CASES: Case[] = STRING_REQUESTS.flatMap(([name, body, send]) =>
  stringPaths(body).map((path): Case => [
    `${name}: NUL in ${path.join('.')}`,
    400,
    'bad_request',
    (w) =>
      send(
        w,
        withString(body, path, (s) => `${s.slice(0, 1)}\u0000${s.slice(1)}`),
      ),
  ]),
);

describe.each(BACKENDS)('bad requests on %s', (backend) => {
  const t = useTestServer(backend);

  const world = async (): Promise<World> => {
    const a = await t.community('A');
    const b = await t.community('B');
    const [ana, bo, fa, revoked, removed] = [
      await a.member('Ana'),
      await a.member('Bo'),
      await a.member('Fa', 'facilitator'),
      await a.member('Rev'),
      await a.member('Gone'),
    ];
    const bea = await b.member('Bea');
    const [anaNote, boNote, beaNote] = [makeNote(), makeNote(), makeNote()];
    for (const [who, note] of [
      [ana, anaNote],
      [bo, boNote],
      [bea, beaNote],
    ] as const) {
      expect(
        (await t.request('POST', '/v1/sync/push', { token: who.token, body: { mutations: [client().create(note)] } }))
          .status,
      ).toBe(200);
    }
    expect((await t.request('DELETE', '/v1/tokens/current', { token: revoked.token })).status).toBe(204);
    expect((await t.request('DELETE', `/v1/members/${removed.member.id}`, { token: a.admin.token })).status).toBe(204);
    const invite = await t.request('POST', '/v1/invites', { token: fa.token, body: {} });
    const cursor = (await t.request('GET', '/v1/sync/pull', { token: ana.token })).json.cursor as string;
    for (const who of [bo, bea]) await t.request('GET', '/v1/members/me', { token: who.token });
    return {
      admin: a.admin,
      ana,
      bo,
      fa,
      bea,
      revoked,
      removed,
      anaNote: anaNote.id,
      boNote: boNote.id,
      beaNote: beaNote.id,
      cursor,
      inviteCode: invite.json.code,
    };
  };

  it('has at least 30 cases, and the snapshot sees a change when there is one', async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const w = await world();
    const before = await t.snapshot();
    const [method, path, options] = push(w.ana.token, pushBody(m({ op: 'thank', noteId: w.boNote })));
    const ok = await t.request(method, path, options);
    expect(ok.status).toBe(200);
    expect(await t.snapshot()).not.toBe(before);
  });

  it('covers every string of a full note and of each request body', () => {
    expect(STRING_CASES.length).toBeGreaterThan(60);
  });

  it.each([...CASES, ...STRING_CASES])('%s → %i %s, database unchanged', async (_name, status, code, build) => {
    const w = await world();
    const [method, path, options] = build(w);
    const before = await t.snapshot();
    const res = await t.request(method, path, options);
    expect(res.status).toBe(status);
    expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
    expect(await t.snapshot()).toBe(before);
  });
});

describe.each(BACKENDS)('rate limits on %s', (backend) => {
  const t = useTestServer(backend, {
    limits: {
      perIp: { burst: 5, perMinute: 60 },
      perMember: { burst: 3, perMinute: 60 },
      joinPerIp: { burst: 100, perMinute: 100 },
    },
  });

  it('limits per IP and ignores a spoofed X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.request('GET', '/healthz', {
        ip: '198.51.100.7',
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(res.json.error.code).toBe('rate_limited');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect((await t.request('GET', '/healthz', { ip: '198.51.100.8' })).status).toBe(200);
    t.clock.now += 1000;
    expect((await t.request('GET', '/healthz', { ip: '198.51.100.7' })).status).toBe(200);
  });

  it('limits per member across addresses and tokens, and a limited push changes nothing', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++)
      statuses.push((await t.request('GET', '/v1/members/me', { token: ana.token, ip: `203.0.113.${i}` })).status);
    // A freshly minted token does not bring a fresh allowance: the member is the key.
    const minted = await t.request('POST', '/v1/tokens', { token: ana.token, ip: '203.0.113.5', body: {} });
    statuses.push(minted.status);
    const before = await t.snapshot();
    const res = await t.request('POST', '/v1/sync/push', {
      token: minted.json.token,
      ip: '203.0.113.9',
      body: { mutations: [client().create()] },
    });
    expect(statuses).toEqual([200, 200, 201]);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await t.snapshot()).toBe(before);
  });
});
