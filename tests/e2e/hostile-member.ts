import { formatHlc } from '../../lib/sync/hlc';
import type { MutationInput } from '../../lib/sync/protocol';
import type { Note } from '../../lib/model';
import { makeNote } from '../../lib/testing/make-note';
import { expect } from './fixtures';
import { callEndpoint, joinByApi, memberWithToken, type ApiAnswer, type ApiMember } from './endpoint-process';

/** What a page would run if our UI ever rendered a member's text as markup: the test looks for this flag. */
export const PWNED_FLAG = '__pwned';
const MARKUP = [
  `<img src=x onerror="window.${PWNED_FLAG}=1">`,
  `<script>window.${PWNED_FLAG}=1</script>`,
  `<svg onload="window.${PWNED_FLAG}=1"></svg>`,
  `<a href="javascript:window.${PWNED_FLAG}=1">open</a>`,
].join(' ');
/** The same, short enough for the fields capped at 40-50 characters. */
const SHORT = `<img src=x onerror=window.${PWNED_FLAG}=1>`;
/** Bidi overrides and isolates: text that reads differently from what it holds. */
const BIDI = '\u202Egnp.exe \u2066isolated\u2069 \u200Fmark';

/** The hostile member's address as the proxy in front of the endpoint reports it (its own, not the members'). */
const PROXY_HOPS = { 'x-forwarded-for': '127.0.0.1, 198.51.100.66' };

export interface HostileLedger {
  /** Notes the endpoint accepted from the hostile member, as they must read everywhere. */
  accepted: Map<string, Note>;
  /** Note ids the endpoint refused: none of them may be stored anywhere. */
  refused: Set<string>;
  /** Every answer, by what was tried: the report prints it when an expectation fails. */
  answers: { what: string; status: number; code?: string }[];
  /** Every token the hostile member held (none may appear in a log). */
  tokens: string[];
  member: ApiMember;
}

const errorCode = (a: ApiAnswer) => (a.body as { error?: { code?: string } } | undefined)?.error?.code;

/**
 * A member who joined through a real invite and then does everything the API lets a token try: every call goes
 * over HTTP to the real endpoint process; what is accepted is recorded, so the test can check that exactly that
 * (and nothing refused) reached the other members.
 */
export async function hostileMember(url: string, invite: string) {
  const member = await joinByApi(url, invite, 'Mallory', PROXY_HOPS);
  const ledger: HostileLedger = {
    accepted: new Map(),
    refused: new Set(),
    answers: [],
    tokens: [member.token],
    member,
  };
  let mutationNumber = 0;
  let tick = 0;
  const clientId = 'mallory-laptop-1';
  const base = (hlcMs = Date.UTC(2026, 10, 1) + ++tick) => ({
    clientId,
    mutationNumber: ++mutationNumber,
    hlc: formatHlc(hlcMs, 0),
  });
  const record = (what: string, a: ApiAnswer) => {
    ledger.answers.push({ what, status: a.status, code: errorCode(a) });
    return a;
  };
  /** Pushes; a refused batch gives its numbers back (the server kept none of them). */
  const push = async (what: string, mutations: MutationInput[], by: ApiMember = member) => {
    const a = record(
      what,
      await by.call('POST', '/v1/sync/push', { mutations }).catch((e: unknown) => {
        throw new Error(`${what}: ${String(e)} ${String((e as Error).cause)}`);
      }),
    );
    if (a.status !== 200) mutationNumber -= mutations.length;
    return a;
  };
  const results = (a: ApiAnswer) => (a.body as { results: { status: string; reason?: string }[] }).results;
  const create = (note: Note, hlcMs?: number): MutationInput => ({ ...base(hlcMs), op: 'create', note });

  /** Creates one note per batch; records it as accepted or refused by the answer. */
  const tryCreate = async (what: string, note: Note, expected: number[]) => {
    const a = await push(what, [create(note)]);
    expect(expected, `${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`).toContain(a.status);
    if (a.status === 200 && results(a)[0]!.status === 'applied') ledger.accepted.set(note.id, note);
    else ledger.refused.add(note.id);
    return a;
  };

  return {
    ledger,

    /** Notes with markup, scripts and bidi controls in every text field: accepted, and must render as text. */
    async pushHostileText(pageUrl: string) {
      const withMarkup = makeNote({
        kind: 'insight',
        quote: `Quote ${MARKUP}`,
        takeaway: `Mallory markup ${MARKUP}`,
        tags: ['<script>x</script>', `"><img src=x onerror=window.${PWNED_FLAG}=1>`],
        selectors: [{ type: 'TextQuoteSelector', exact: MARKUP, prefix: '<b>', suffix: '</b>' }],
        page: {
          url: pageUrl,
          canonicalUrl: pageUrl,
          title: `Title ${MARKUP}`,
          byline: MARKUP,
          siteName: MARKUP,
          excerpt: MARKUP,
        },
        rich: { html: `<p>${MARKUP}</p>`, codeLanguage: SHORT },
        contributors: [{ id: SHORT, name: MARKUP }],
        chat: { platform: SHORT, channel: MARKUP, messages: [{ author: MARKUP, text: MARKUP }] },
        origin: { tool: SHORT, location: MARKUP },
      });
      await tryCreate('create: markup in every text field', withMarkup, [200]);
      const withBidi = makeNote({ quote: `Quote ${BIDI}`, takeaway: `Mallory bidi ${BIDI}`, tags: ['\u202Etag'] });
      await tryCreate('create: bidi controls in the text', withBidi, [200]);
    },

    /** Malformed, oversized and out-of-bounds input: every one refused whole, with a clear error. */
    async pushMalformed(otherCommunityId: string, maxNoteBytes: number) {
      const raw = async (what: string, body: unknown, headers: Record<string, string> = {}) =>
        record(what, await member.call('POST', '/v1/sync/push', body, headers));
      expect((await raw('not JSON', '{"mutations": [')).status).toBe(400);
      expect((await raw('no mutations', { mutations: [] })).status).toBe(400);
      expect(
        (await raw('unknown field', { mutations: [{ ...base(), op: 'create', note: {} }], admin: true })).status,
      ).toBe(400);
      mutationNumber--;
      expect((await raw('not an array', { mutations: 'all of them' })).status).toBe(400);
      expect((await raw('as text/plain', '{"mutations":[]}', { 'content-type': 'text/plain' })).status).toBe(415);
      const oversizedBody = JSON.stringify({ mutations: [], pad: 'x'.repeat(4.5 * 1024 * 1024) });
      // Refused before it is read: the 413 comes with Connection: close, and the server stops reading, so the
      // sender sees the 413 or, still writing, the connection end (EPIPE). Either way nothing of it is kept.
      const oversized = await member.call('POST', '/v1/sync/push', oversizedBody).then(
        (a) => a.status,
        (e: unknown) => String((e as Error).cause),
      );
      ledger.answers.push({ what: 'a body past 4 MiB', status: typeof oversized === 'number' ? oversized : 0 });
      expect([413, 'Error: write EPIPE', 'SocketError: other side closed']).toContain(oversized);

      const cases: [string, Note, number[]][] = [
        [
          'NUL in a selector prefix',
          makeNote({ selectors: [{ type: 'TextQuoteSelector', exact: 'x', prefix: 'a\u0000' }] }),
          [400],
        ],
        ['lone surrogate in pageKey', makeNote({ pageKey: 'example.org/\uD800' }), [400]],
        ['NUL in the takeaway', makeNote({ takeaway: 'Mallory \u0000' }), [400]],
        [
          'javascript: page URL',
          makeNote({ page: { url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)', title: 'x' } }),
          [400],
        ],
        [
          'a note from the year 2999',
          makeNote({ createdAt: Date.UTC(2999, 0, 1), updatedAt: Date.UTC(2999, 0, 1) }),
          [400],
        ],
        ['a note of another community', makeNote({ communityId: otherCommunityId }), [403]],
        ['a note past the size cap', makeNote({ rich: { html: 'x'.repeat(maxNoteBytes + 10) } }), [413]],
        ['a created note already deleted', makeNote({ deletedAt: Date.UTC(2026, 10, 2) }), [400]],
      ];
      for (const [what, note, expected] of cases) await tryCreate(what, note, expected);
      // A valid note and a bad one in one batch: nothing of the batch is applied.
      const good = makeNote({ takeaway: 'Mallory good half of a bad batch' });
      const a = await push('a good note batched with a bad one', [create(good), create(makeNote({ quote: '\uDFFF' }))]);
      expect(a.status).toBe(400);
      ledger.refused.add(good.id);
    },

    /** Reads of another community: its cursor, its note ids, headers and queries naming it. */
    async probeOtherCommunity(other: { member: ApiMember; noteId: string; cursor: string }) {
      const pulled = record(
        'pull with another community’s cursor',
        await member.call('GET', `/v1/sync/pull?cursor=${encodeURIComponent(other.cursor)}`),
      );
      expect(pulled.status).toBe(400);
      const own = record(
        'pull naming the other community',
        await member.call('GET', `/v1/sync/pull?communityId=${other.member.communityId}`),
      );
      expect(own.status).toBe(400); // strict query: unknown parameters are refused
      const asHeader = record(
        'members with a community header',
        await member.call('GET', '/v1/members', undefined, { 'x-community-id': other.member.communityId }),
      );
      expect(asHeader.status).toBe(200);
      expect(JSON.stringify(asHeader.body)).not.toContain(other.member.memberId);
      for (const op of ['thank', 'edit', 'delete'] as const) {
        const m = {
          ...base(),
          op,
          noteId: other.noteId,
          ...(op === 'edit' ? { patch: { takeaway: 'Mallory was here' } } : {}),
        };
        const a = await push(`${op} another community’s note`, [m as MutationInput]);
        // Answered as for an unknown id (h-mod may make a delete's answer identical too): never applied to it.
        expect([200, 404], `${op}: ${JSON.stringify(a.body)}`).toContain(a.status);
      }
      const moderate = record(
        'moderation delete of another community’s note',
        await member.call('DELETE', `/v1/notes/${other.noteId}`),
      );
      expect([403, 404]).toContain(moderate.status);
      // A create reusing the other community's note id takes nothing over. Ids are scoped per community
      // (migration 005), so here that id is this community's: the delete just above left its tombstone, and
      // deletes are final.
      const takeover = await tryCreate(
        'create with another community’s note id',
        makeNote({ id: other.noteId, takeaway: 'Mallory takeover' }),
        [200],
      );
      expect(results(takeover)[0]).toMatchObject({ status: 'rejected', reason: 'deleted' });
    },

    /** Becoming someone else: another member's name, in any case, with bidi controls, on join too. */
    async impersonate(names: string[], invite: string) {
      for (const name of names) {
        for (const variant of [name, name.toUpperCase(), ` ${name.toLowerCase()} `]) {
          const a = record(
            `rename to "${variant}"`,
            await member.call('PATCH', '/v1/members/me', { displayName: variant }),
          );
          expect(a.status, `rename to ${variant}`).toBe(409);
        }
        const bidi = record(
          'rename with bidi',
          await member.call('PATCH', '/v1/members/me', { displayName: `\u202E${name}` }),
        );
        expect(bidi.status).toBe(400);
        // The same name with a character nobody sees, and with a letter of another script that looks the same.
        const invisible = record(
          'rename with a zero-width space',
          await member.call('PATCH', '/v1/members/me', { displayName: `${name}\u200B` }),
        );
        expect(invisible.status).toBe(400);
        const cyrillic = name.replace('A', '\u0410').replace('a', '\u0430').replace('e', '\u0435');
        expect(cyrillic).not.toBe(name);
        const lookAlike = record(
          'rename to a look-alike',
          await member.call('PATCH', '/v1/members/me', { displayName: cyrillic }),
        );
        expect([lookAlike.status, errorCode(lookAlike)]).toEqual([409, 'conflict']);
        const code = decodeURIComponent(new URL(invite).hash.replace(/^#code=/, ''));
        const joined = record(
          `join again as ${name}`,
          await callEndpoint(url, 'POST', '/v1/join', { code, displayName: name }, PROXY_HOPS),
        );
        expect(joined.status).toBe(409);
        const joinedAlike = record(
          `join again as a look-alike of ${name}`,
          await callEndpoint(url, 'POST', '/v1/join', { code, displayName: cyrillic }, PROXY_HOPS),
        );
        expect(joinedAlike.status).toBe(409);
      }
      const me = await member.call('GET', '/v1/members/me');
      expect((me.body as { displayName: string }).displayName).toBe('Mallory');
    },

    /** Other members' note ids: edits and deletes refused, thanks (which anyone may give) accepted. */
    async targetHonestNotes(honestIds: string[]) {
      const [first, second] = honestIds;
      const edit = await push('edit another member’s note', [
        { ...base(), op: 'edit', noteId: first!, patch: { takeaway: 'Mallory rewrote this' } } as MutationInput,
      ]);
      expect(edit.status).toBe(403);
      const del = await push('delete another member’s note', [{ ...base(), op: 'delete', noteId: second! }]);
      expect(del.status).toBe(403);
      const moderate = record('moderation delete as a member', await member.call('DELETE', `/v1/notes/${first}`));
      expect(moderate.status).toBe(403);
      const takeover = await push('create with another member’s note id', [
        create(makeNote({ id: first!, takeaway: 'Mallory takeover' })),
      ]);
      expect(takeover.status).toBe(409);
      const unknown = '01900000-0000-7000-8000-00000000dead';
      const a = await push('edit and thank an unknown id', [
        { ...base(), op: 'edit', noteId: unknown, patch: { takeaway: 'x' } } as MutationInput,
        { ...base(), op: 'thank', noteId: unknown },
      ]);
      expect(a.status).toBe(200);
      expect(results(a).map((r) => r.status)).toEqual(['rejected', 'rejected']);
      const thanks = await push('thank, unthank and thank again another member’s note', [
        { ...base(), op: 'thank', noteId: first! },
        { ...base(), op: 'unthank', noteId: first! },
        { ...base(), op: 'thank', noteId: first! },
      ]);
      expect(thanks.status).toBe(200);
    },

    /** Old mutations sent again, and old versions of its own note: nothing moves backwards. */
    async replay() {
      const [id] = ledger.accepted.keys();
      const stale = makeNote({ id, takeaway: 'Mallory stale version' });
      // Same client and number as the note's first create: answered `duplicate`, not applied again.
      const again = record(
        'replay of the first create',
        await member.call('POST', '/v1/sync/push', {
          mutations: [
            { clientId, mutationNumber: 1, hlc: formatHlc(Date.UTC(2026, 10, 1) + 1, 0), op: 'create', note: stale },
          ],
        }),
      );
      expect(again.status).toBe(200);
      expect(results(again)[0]!.status).toBe('duplicate');
      // A new number with an older clock: accepted as superseded, the newer content stays.
      const older = await push('an older version under a new number', [create(stale, Date.UTC(2026, 0, 1))]);
      expect(older.status).toBe(200);
      expect(results(older)[0]).toMatchObject({ status: 'applied', isSuperseded: true });
      // A number far ahead: deferred, never applied.
      const ahead = record(
        'a mutation number far ahead',
        await member.call('POST', '/v1/sync/push', {
          mutations: [
            {
              clientId,
              mutationNumber: mutationNumber + 50,
              hlc: formatHlc(Date.now(), 0),
              op: 'create',
              note: makeNote({ takeaway: 'Mallory from the future' }),
            },
          ],
        }),
      );
      expect(results(ahead)[0]!.status).toBe('deferred');
    },

    /** Up to and past the quotas and the rate limits, also with a second token of its own. */
    async flood(limits: { memberBytes: number; noteBytes: number; memberNotes: number; requestsPerMinute: number }) {
      const minted = record('mint a second token', await member.call('POST', '/v1/tokens', { label: 'flood' }));
      expect(minted.status).toBe(201);
      const second = memberWithToken(
        url,
        (minted.body as { token: string }).token,
        member.memberId,
        member.communityId,
        PROXY_HOPS,
      );
      ledger.tokens.push(second.token);

      // Bytes: large notes (each under the cap) until the quota refuses one; then deleting makes room again.
      const big: string[] = [];
      for (let i = 0; i < 20; i++) {
        const note = makeNote({ takeaway: `Mallory bulk ${i}`, rich: { html: 'y'.repeat(limits.noteBytes - 2000) } });
        const a = await tryCreate(`bytes flood ${i}`, note, [200, 403]);
        if (a.status === 403) {
          expect(errorCode(a)).toBe('quota_exceeded');
          break;
        }
        big.push(note.id);
      }
      expect(ledger.answers.some((a) => a.what.startsWith('bytes flood') && a.code === 'quota_exceeded')).toBe(true);
      const freed = await push(
        'delete its own bulk notes',
        big.map((noteId) => ({ ...base(), op: 'delete', noteId })),
      );
      expect(freed.status).toBe(200);
      for (const id of big) ledger.accepted.delete(id);

      // Count: batches of ten small notes until the quota refuses a batch whole.
      for (let round = 0; round < 10; round++) {
        const notes = Array.from({ length: 10 }, (_, i) => makeNote({ takeaway: `Mallory count ${round}.${i}` }));
        const a = await push(
          `count flood ${round}`,
          notes.map((n) => create(n)),
          round % 2 ? second : member,
        );
        expect([200, 403]).toContain(a.status);
        if (a.status === 403) {
          expect(errorCode(a)).toBe('quota_exceeded');
          for (const n of notes) ledger.refused.add(n.id);
          break;
        }
        for (const n of notes) ledger.accepted.set(n.id, n);
      }
      expect(ledger.answers.some((a) => a.what.startsWith('count flood') && a.code === 'quota_exceeded')).toBe(true);

      // Writes: large batches of edits to its own notes, from both tokens, until the write limit answers 429.
      const own = [...ledger.accepted.keys()][0]!;
      for (let round = 0; round < 20; round++) {
        const edits = Array.from(
          { length: 200 },
          (_, i) => ({ ...base(), op: 'edit', noteId: own, patch: { kind: i % 2 ? 'story' : 'win' } }) as MutationInput,
        );
        const a = await push(`write flood ${round}`, edits, round % 2 ? second : member);
        if (a.status === 429) break;
        expect(a.status).toBe(200);
      }
      expect(ledger.answers.some((a) => a.what.startsWith('write flood') && a.status === 429)).toBe(true);

      // Requests: two minutes' worth at once, half of them with the minted token (the bucket refills while a
      // loaded machine answers them, so one minute's worth and a few more may all pass).
      const burst = await Promise.all(
        Array.from({ length: limits.requestsPerMinute * 2 }, (_, i) =>
          (i % 2 ? second : member).call('GET', '/v1/members/me'),
        ),
      );
      const limited = burst.filter((a) => a.status === 429).length;
      ledger.answers.push({ what: 'request flood', status: limited ? 429 : 200 });
      expect(limited).toBeGreaterThan(0);
    },
  };
}

export type HostileMember = Awaited<ReturnType<typeof hostileMember>>;
