import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  PullResponseSchema,
  PushResponseSchema,
  noteBytes,
  type MutationInput,
} from '../../lib/sync/protocol';
import { moderateMemberNotes, moderateNote } from '../../lib/sync/moderation';
import { BACKENDS, useTestServer } from '../testing/harness';
import { client, makeNote } from '../testing/notes';

const KB = 1024;

/**
 * Issue 15 item 1, scaled down by configuration: a member pushed 140 notes of 3.9 MB each and every pull of
 * 500 rows failed from then on, for everyone. Here notes are capped at 48 KB and pages at 128 KB.
 */
describe.each(BACKENDS)('one member cannot stop sync for everyone, on %s', (backend) => {
  const t = useTestServer(backend, {
    limits: {
      maxNoteBytes: 48 * KB,
      pullPageBytes: 128 * KB,
      memberNotes: 40,
      memberBytes: 1500 * KB,
      writesPerMember: { burst: 60, perMinute: 60 },
    },
  });
  const push = (token: string, mutations: MutationInput[]) =>
    t.request('POST', '/v1/sync/push', { token, body: { mutations } });
  const pullPages = async (token: string) => {
    const pages: { changes: number; bytes: number }[] = [];
    let cursor: string | undefined;
    let page;
    do {
      const qs = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
      const res = await t.request('GET', `/v1/sync/pull?${qs}`, { token });
      expect(res.status).toBe(200);
      page = PullResponseSchema.parse(res.json);
      pages.push({ changes: page.changes.length, bytes: Buffer.byteLength(res.text) });
      cursor = page.cursor;
    } while (page.hasMore);
    return pages;
  };
  const big = (kb: number) => makeNote({ rich: { html: 'x'.repeat(kb * KB) } });

  it('bounds pull pages by bytes as well as rows; a note larger than a page travels alone', async () => {
    const c = await t.community();
    const [mallory, ana] = [await c.member('Mallory'), await c.member('Ana')];
    const dev = client();
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await push(
            mallory.token,
            Array.from({ length: 10 }, () => dev.create(big(40))),
          )
        ).status,
      ).toBe(200);
    }
    expect((await push(ana.token, [client().create()])).status).toBe(200);
    // A note from before the cap (or a server with a larger one): larger than a whole page.
    await t.db.query(
      `UPDATE notes SET body = jsonb_set(body, '{rich,html}', to_jsonb(repeat('é', 100000))), body_bytes = 200100
        WHERE version = 1`,
    );
    const pages = await pullPages(ana.token);
    expect(pages.reduce((n, p) => n + p.changes, 0)).toBe(31);
    expect(pages[0]).toMatchObject({ changes: 1 });
    expect(pages[0]!.bytes).toBeGreaterThan(128 * KB);
    for (const p of pages.slice(1)) expect(p.bytes).toBeLessThan(128 * KB + 4 * KB);
    expect(pages.length).toBeGreaterThanOrEqual(1 + Math.ceil((30 * 40) / 128));
  });

  it('refuses a note past the cap with 413, and changes nothing', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    await t.request('GET', '/v1/members/me', { token: ana.token }); // first use stamps last_used_at
    const before = await t.snapshot();
    const note = big(49);
    expect(noteBytes(note)).toBeGreaterThan(48 * KB);
    const res = await push(ana.token, [client().create(note)]);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    expect(await t.snapshot()).toBe(before);
  });

  it('closes the connection after refusing a body it did not read (no client reuses a socket Node drops)', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const res = await t.request('POST', '/v1/sync/push', {
      token: ana.token,
      body: { mutations: 'a'.repeat(MAX_BODY_BYTES) },
    });
    expect([res.status, res.headers.get('connection')]).toEqual([413, 'close']);
  });

  it('holds a quota of notes and of bytes per member, across tokens; deleting makes room', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const other = await t.request('POST', '/v1/tokens', { token: ana.token, body: { label: 'second device' } });
    await t.request('GET', '/v1/members/me', { token: other.json.token }); // first use stamps last_used_at
    const first = Array.from({ length: 30 }, () => client().create());
    expect((await push(ana.token, first)).status).toBe(200);
    const before = await t.snapshot();
    const over = await push(
      other.json.token,
      Array.from({ length: 11 }, () => client().create()),
    );
    expect([over.status, over.json.error.code]).toEqual([403, 'quota_exceeded']);
    expect(await t.snapshot()).toBe(before);
    const fill = await push(
      other.json.token,
      Array.from({ length: 10 }, () => client().create()),
    );
    expect(fill.status).toBe(200);
    expect((await push(ana.token, [client().create()])).json.error.code).toBe('quota_exceeded');
    const id = (first[0] as { note: { id: string } }).note.id;
    const swap = client();
    const freed = await push(ana.token, [swap.del(id), swap.create()]);
    expect(PushResponseSchema.parse(freed.json).results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('holds a quota of bytes per member', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    expect(
      (
        await push(
          ana.token,
          Array.from({ length: 30 }, () => client().create(big(40))),
        )
      ).status,
    ).toBe(200);
    const before = await t.snapshot();
    const over = await push(
      ana.token,
      Array.from({ length: 10 }, () => client().create(big(40))),
    );
    expect([over.status, over.json.error.code]).toEqual([403, 'quota_exceeded']);
    expect(over.json.error.message).toMatch(/bytes/);
    expect(await t.snapshot()).toBe(before);
  });
});

describe.each(BACKENDS)('write limits and moderation on %s', (backend) => {
  const t = useTestServer(backend, { limits: { writesPerMember: { burst: 20, perMinute: 60 } } });
  const push = (token: string, mutations: MutationInput[]) =>
    t.request('POST', '/v1/sync/push', { token, body: { mutations } });
  const pullAll = async (token: string) => {
    const res = await t.request('GET', '/v1/sync/pull?limit=1000', { token });
    return PullResponseSchema.parse(res.json).changes;
  };
  const access = (token: string) => ({
    endpoint: 'https://endpoint.test', // the client sends tokens over https only
    token,
    fetcher: (url: string, init: RequestInit) => Promise.resolve(t.app.request(url, init)),
  });

  it('limits writes per member, not per token: a second token shares the allowance', async () => {
    const c = await t.community();
    const [ana, bo] = [await c.member('Ana'), await c.member('Bo')];
    const other = await t.request('POST', '/v1/tokens', { token: ana.token, body: {} });
    await t.request('GET', '/v1/members/me', { token: other.json.token }); // first use stamps last_used_at
    expect(
      (
        await push(
          ana.token,
          Array.from({ length: 12 }, () => client().create()),
        )
      ).status,
    ).toBe(200);
    const before = await t.snapshot();
    const res = await push(
      other.json.token,
      Array.from({ length: 12 }, () => client().create()),
    );
    expect([res.status, res.json.error.code]).toEqual([429, 'rate_limited']);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await t.snapshot()).toBe(before);
    expect(
      (
        await push(
          bo.token,
          Array.from({ length: 12 }, () => client().create()),
        )
      ).status,
    ).toBe(200);
    t.clock.now += 12_000;
    expect(
      (
        await push(
          other.json.token,
          Array.from({ length: 12 }, () => client().create()),
        )
      ).status,
    ).toBe(200);
  });

  it('lets a facilitator delete any member’s note for everyone; members cannot, foreign ids read as unknown', async () => {
    const c = await t.community();
    const [fa, ana, bo] = [await c.member('Fa', 'facilitator'), await c.member('Ana'), await c.member('Bo')];
    const other = await t.community('Other');
    const bea = await other.member('Bea');
    const [note, beaNote] = [makeNote(), makeNote()];
    expect((await push(ana.token, [client().create(note)])).status).toBe(200);
    expect((await push(bea.token, [client().create(beaNote)])).status).toBe(200);
    expect((await push(bo.token, [client().thank(note.id)])).status).toBe(200);

    const byMember = await moderateNote(access(bo.token), note.id, t.clock.now);
    expect(byMember).toMatchObject({ ok: false, error: { status: 403, code: 'forbidden' } });
    const foreign = await moderateNote(access(fa.token), beaNote.id, t.clock.now);
    const unknown = await moderateNote(access(fa.token), makeNote().id, t.clock.now);
    expect(foreign).toEqual(unknown);
    expect(foreign).toMatchObject({ ok: false, error: { status: 404, code: 'not_found' } });
    const byAdmin = await moderateNote(access(c.admin.token), note.id, 0);
    expect(byAdmin).toEqual({ ok: true, value: { deleted: 1 } });
    expect(await pullAll(bo.token)).toEqual([
      { type: 'tombstone', version: 3, noteId: note.id, authorId: ana.member.id, deletedAt: t.clock.now },
    ]);
    expect((await pullAll(bea.token)).map((ch) => ch.type)).toEqual(['note']);
    const { rows } = await t.db.query('SELECT * FROM thanks');
    expect(rows).toEqual([]);
  });

  it('deletes all of a removed member’s notes, so every pull is small again', async () => {
    const c = await t.community();
    const [mallory, ana] = [await c.member('Mallory'), await c.member('Ana')];
    const mine = makeNote();
    expect(
      (
        await push(
          mallory.token,
          Array.from({ length: 15 }, () => client().create()),
        )
      ).status,
    ).toBe(200);
    expect((await push(ana.token, [client().create(mine)])).status).toBe(200);
    expect((await t.request('DELETE', `/v1/members/${mallory.member.id}`, { token: c.admin.token })).status).toBe(204);
    const byAna = await moderateMemberNotes(access(ana.token), mallory.member.id, 0);
    expect(byAna).toMatchObject({ ok: false, error: { status: 403 } });
    const res = await moderateMemberNotes(access(c.admin.token), mallory.member.id, 0);
    expect(res).toEqual({ ok: true, value: { deleted: 15 } });
    const changes = await pullAll(ana.token);
    expect(changes.filter((ch) => ch.type === 'note').map((ch) => ch.type === 'note' && ch.note.id)).toEqual([mine.id]);
    expect(changes.filter((ch) => ch.type === 'tombstone')).toHaveLength(15);
    expect(await moderateMemberNotes(access(c.admin.token), mallory.member.id, 0)).toEqual({
      ok: true,
      value: { deleted: 0 },
    });
  });
});
