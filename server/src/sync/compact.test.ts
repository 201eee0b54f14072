import { describe, expect, it, vi } from 'vitest';
import type { JoinResponse, MutationInput } from '../../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { client, makeNote } from '../../testing/notes';
import { allowedFence, compactCommunity, compactThrough } from './compact';

const DAY = 86_400_000;

describe.each(BACKENDS)('tombstone compaction and its fence on %s', (backend) => {
  const t = useTestServer(backend);

  const push = async (who: JoinResponse, mutations: MutationInput[]) => {
    const res = await t.request('POST', '/v1/sync/push', { token: who.token, body: { mutations } });
    expect(res.status).toBe(200);
    return res.json as { version: number };
  };
  const pull = (who: JoinResponse, cursor?: string) =>
    t.request('GET', `/v1/sync/pull?${new URLSearchParams(cursor ? { cursor } : {})}`, { token: who.token });
  /** Pulls every page; the cursor at the end. */
  const pullAll = async (who: JoinResponse, cursor?: string): Promise<string> => {
    for (;;) {
      const res = await pull(who, cursor);
      expect(res.status).toBe(200);
      cursor = res.json.cursor as string;
      if (!res.json.hasMore) return cursor;
    }
  };
  const tombstones = async (communityId: string) =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes WHERE community_id = $1 AND body IS NULL', [
        communityId,
      ])
    ).rows[0]!.n;

  /** Ana writes 3 notes and deletes 2; Ben pulled before the deletes. */
  const world = async () => {
    const { id, member, admin } = await t.community();
    const ana = await member('Ana');
    const ben = await member('Ben');
    const dev = client();
    const notes = [makeNote(), makeNote(), makeNote()];
    await push(
      ana,
      notes.map((n) => dev.create(n)),
    );
    const benCursor = await pullAll(ben);
    await push(ana, [dev.del(notes[0]!.id), dev.del(notes[1]!.id)]);
    return { id, admin, ana, ben, dev, notes, benCursor };
  };

  it('answers 410 cursor_too_old below the fence, and a pull from scratch brings only what is left', async () => {
    const { id, ben, notes, benCursor } = await world();
    const before = await t.snapshot();
    const head = Number((await t.db.query<{ v: number }>('SELECT last_version AS v FROM communities')).rows[0]!.v);
    const done = await compactThrough(t.db, id, head);
    expect(done).toMatchObject({ compactedThrough: head, tombstones: 2 });
    expect(await t.snapshot()).not.toBe(before);
    const res = await pull(ben, benCursor);
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe('cursor_too_old');
    const fresh = await pull(ben);
    expect(fresh.json.isReset).toBe(false);
    expect(fresh.json.changes.map((c: { note: { id: string } }) => c.note.id)).toEqual([notes[2]!.id]);
    // The fresh cursor is at the head, above the fence: it pulls on as usual.
    expect((await pull(ben, fresh.json.cursor)).status).toBe(200);
  });

  it('a refused pull changes nothing; a cursor at the fence still pulls, with no new epoch', async () => {
    const { id, ana, ben, dev, benCursor } = await world();
    const cursorAtHead = await pullAll(ana);
    await compactThrough(t.db, id, 1_000_000);
    const before = await t.snapshot();
    expect((await pull(ben, benCursor)).status).toBe(410);
    expect(await t.snapshot()).toBe(before);
    await push(ana, [dev.create(makeNote())]);
    const res = await pull(ana, cursorAtHead);
    expect(res.status).toBe(200);
    expect(res.json.isReset).toBe(false);
    expect(res.json.changes).toHaveLength(1);
  });

  it('a cursor from a restored history below the fence gets the restore answer; one from the kept history 410', async () => {
    const { id, member } = await t.community();
    const ana = await member('Ana');
    const reader = await member('Reader');
    const late = await member('Late');
    const anaDev = client();
    const first = makeNote();
    await push(ana, [anaDev.create(first)]);
    const kept = await pullAll(reader);
    await t.backup();
    // The history the restore loses: two more notes, which the reader pulled.
    await push(ana, [anaDev.create(), anaDev.create()]);
    const lost = await pullAll(reader, kept);
    await t.restoreBackup();
    // The new history grows past the lost cursor's version, with deletes, then the fence passes it.
    const bo = client();
    const fresh = [makeNote(), makeNote(), makeNote(), makeNote()];
    await push(ana, [bo.create(fresh[0]!)]);
    const newHistory = await pullAll(late);
    await push(ana, [...fresh.slice(1).map((n) => bo.create(n)), bo.del(fresh[1]!.id)]);
    const head = Number(
      (await t.db.query<{ v: number }>('SELECT last_version AS v FROM communities WHERE id = $1', [id])).rows[0]!.v,
    );
    expect((await compactThrough(t.db, id, head)).compactedThrough).toBe(head);
    // Every batch below the fence is pruned: the lost cursor's version is told by its generation alone.
    const { rows: left } = await t.db.query<{ v: number }>('SELECT last_version AS v FROM version_batches');
    expect(left.map((r) => Number(r.v))).toEqual([head]);
    const epoch = (await pull(ana)).json.epoch as string;
    // Below the fence in this history (before the backup, or after the restore): compacted, a 410; no new epoch.
    for (const cursor of [kept, newHistory]) {
      const res = await pull(reader, cursor);
      expect(res.status).toBe(410);
      expect(res.json.error.code).toBe('cursor_too_old');
    }
    expect((await pull(ana)).json.epoch).toBe(epoch);
    // From the lost history, below the fence too: the restore reset (new epoch, from scratch), so the reader
    // re-sends what the restore lost instead of dropping it.
    const res = await pull(reader, lost);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ isReset: true });
    expect(res.json.epoch).not.toBe(epoch);
    const ids = (res.json.changes as { type: string; note?: { id: string } }[]).map((c) => c.note?.id);
    expect(ids).toEqual([first.id, fresh[0]!.id, fresh[2]!.id, fresh[3]!.id]);
  });

  it('a compacted delete stays final: a stale copy re-sent later is refused as deleted, and nothing comes back', async () => {
    const { id, ana, ben, notes } = await world();
    const head = Number((await t.db.query<{ v: number }>('SELECT last_version AS v FROM communities')).rows[0]!.v);
    expect(await compactThrough(t.db, id, head)).toMatchObject({ tombstones: 2 });
    // Ana's other device (as after a restore reset) re-sends its copy of a deleted note, then a delete of it.
    const phone = client();
    const res = await push(ana, [phone.create(notes[0]!), phone.del(notes[1]!.id)]);
    expect((res as unknown as { results: { status: string; reason?: string }[] }).results).toMatchObject([
      { status: 'rejected', reason: 'deleted' },
      { status: 'applied' },
    ]);
    expect(await tombstones(id)).toBe(0);
    const fresh = await pull(ben);
    expect(fresh.json.changes.map((c: { note: { id: string } }) => c.note.id)).toEqual([notes[2]!.id]);
    // Someone else cannot take the id either.
    const other = await t.request('POST', '/v1/sync/push', {
      token: ben.token,
      body: { mutations: [client().create(notes[0]!)] },
    });
    expect(other.status).toBe(409);
  });

  it('keeps tombstones younger than the retention period and those an active member has not pulled', async () => {
    const { id, ana, ben, dev, notes } = await world();
    const retention = 30 * DAY;
    // Everyone active is at the head; the deletes are new: nothing goes.
    await pullAll(ana);
    await pullAll(ben);
    expect(await compactCommunity(t.db, id, t.clock.now, retention)).toMatchObject({ tombstones: 0 });
    // 31 days on, Ana pulls again (active) but Ben's recorded cursor is from before the deletes... he is away
    // longer than the retention period, so he no longer holds compaction back.
    t.clock.now += 31 * DAY;
    t.restart();
    await push(ana, [dev.del(notes[2]!.id)]); // a fresh tombstone: too young to go
    await pullAll(ana);
    const fence = await allowedFence(t.db, id, t.clock.now, retention);
    const done = await compactCommunity(t.db, id, t.clock.now, retention);
    expect(done).toMatchObject({ compactedThrough: fence, tombstones: 2 });
    expect(await tombstones(id)).toBe(1);
  });

  it('never passes the cursor of an active member who has not pulled the deletes', async () => {
    const { id, ana, ben, benCursor } = await world();
    t.clock.now += 31 * DAY;
    t.restart();
    await pullAll(ana);
    await pull(ben, (await pull(ben, benCursor)).json.cursor); // Ben polls... from his old cursor: records it
    const benAt = Number(
      (await t.db.query<{ v: number }>('SELECT acked_version AS v FROM members WHERE id = $1', [ben.member.id]))
        .rows[0]!.v,
    );
    expect(benAt).toBeGreaterThan(0);
    const done = await compactCommunity(t.db, id, t.clock.now, 30 * DAY);
    expect(done.compactedThrough).toBeLessThanOrEqual(benAt);
  });

  it('an admin compacts now with POST /v1/community/compact; a member may not', async () => {
    const { admin, ana, id } = await world();
    expect((await t.request('POST', '/v1/community/compact', { token: ana.token })).status).toBe(403);
    t.clock.now += 91 * DAY; // past the default retention: nobody pulled since, so nobody is active
    t.restart();
    const res = await t.request('POST', '/v1/community/compact', { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ tombstones: 2 });
    expect(await tombstones(id)).toBe(0);
  });

  it('two compactions at once delete each tombstone once and agree on the fence', async () => {
    const { id } = await world();
    const [a, b] = await Promise.all([compactThrough(t.db, id, 1_000_000), compactThrough(t.db, id, 1_000_000)]);
    expect(a.tombstones + b.tombstones).toBe(2);
    expect(await tombstones(id)).toBe(0);
    const { rows } = await t.db.query<{ f: number }>('SELECT compacted_through AS f FROM communities WHERE id = $1', [
      id,
    ]);
    expect(Number(rows[0]!.f)).toBeGreaterThan(0);
  });

  it('a fence that moves while a page is read makes the pull answer cursor_too_old, never skip a delete', async () => {
    const { id, ben, benCursor } = await world();
    const query = t.db.query.bind(t.db);
    // Compaction runs between the pull's read of the head (fence still below the cursor) and its page.
    const spy = vi.spyOn(t.db, 'query').mockImplementation(async (sql: string, params?: unknown[]) => {
      if (sql.includes('UNION ALL')) {
        spy.mockRestore();
        await compactThrough(t.db, id, 1_000_000);
      }
      return query(sql, params) as never;
    });
    const res = await pull(ben, benCursor);
    spy.mockRestore();
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe('cursor_too_old');
  });
});
