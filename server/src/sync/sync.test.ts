import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../lib/sync/hlc';
import { PullResponseSchema, PushResponseSchema, type Change, type MutationInput } from '../../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { client, makeNote } from '../../testing/notes';

describe.each(BACKENDS)('sync push/pull on %s', (backend) => {
  const t = useTestServer(backend);
  const push = async (token: string, mutations: MutationInput[]) => {
    const res = await t.request('POST', '/v1/sync/push', { token, body: { mutations } });
    if (res.status !== 200) throw new Error(`push ${res.status}: ${res.text}`);
    return PushResponseSchema.parse(res.json);
  };
  const pull = async (token: string, cursor?: string, limit = 1000) => {
    const qs = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await t.request('GET', `/v1/sync/pull?${qs}`, { token });
    if (res.status !== 200) throw new Error(`pull ${res.status}: ${res.text}`);
    return PullResponseSchema.parse(res.json);
  };
  const pullAll = async (token: string, cursor?: string, limit = 1000) => {
    const changes: Change[] = [];
    let page;
    do {
      page = await pull(token, cursor, limit);
      changes.push(...page.changes);
      cursor = page.cursor;
    } while (page.hasMore);
    return { changes, cursor: cursor!, epoch: page.epoch, isReset: page.isReset };
  };
  const noteOf = (c: Change | undefined) => (c?.type === 'note' ? c.note : undefined);

  it('creates a note whose author and community come from the token, not the body', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const dev = client();
    const note = makeNote({ author: { id: 'someone-else', name: 'Mallory' } });
    const res = await push(ana.token, [dev.create(note)]);
    expect(res.results).toEqual([{ clientId: dev.clientId, mutationNumber: 1, status: 'applied', version: 1 }]);
    const { changes } = await pullAll(bo.token);
    expect(changes).toHaveLength(1);
    expect(noteOf(changes[0])).toMatchObject({
      id: note.id,
      takeaway: note.takeaway,
      communityId: c.id,
      author: { id: ana.member.id, name: 'Ana' },
      sync: { version: 1 },
    });
  });

  it('applies each mutation exactly once: a replayed batch is all duplicates and changes nothing', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    const n = makeNote();
    const batch = [dev.create(n), dev.edit(n.id, { takeaway: 'v2' })];
    expect((await push(ana.token, batch)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const before = await t.snapshot();
    const again = await push(ana.token, batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.version).toBe(2);
    expect(await t.snapshot()).toBe(before);
  });

  it('defers a mutation that arrives before an earlier one, then applies both in order', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    const n = makeNote();
    const first = dev.create(n);
    const second = dev.edit(n.id, { takeaway: 'later' });
    const early = await push(ana.token, [second]);
    expect(early.results[0]).toMatchObject({ status: 'deferred', expectedMutationNumber: 1 });
    expect((await pullAll(ana.token)).changes).toHaveLength(0);
    expect((await push(ana.token, [first, second])).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(noteOf((await pullAll(ana.token)).changes[0])?.takeaway).toBe('later');
  });

  it('keeps counters per (member, client): two clients of one member number independently', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const [laptop, phone] = [client('laptop-01'), client('phone-001')];
    const res = await push(ana.token, [laptop.create(), phone.create(), laptop.create()]);
    expect(res.results.map((r) => [r.clientId, r.mutationNumber, r.status])).toEqual([
      ['laptop-01', 1, 'applied'],
      ['phone-001', 1, 'applied'],
      ['laptop-01', 2, 'applied'],
    ]);
  });

  it('resolves an author’s edits from several devices by (hlc, clientId), whatever the arrival order', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const n = makeNote();
    const a = client('device-a');
    await push(ana.token, [a.create(n)]);
    const newer = {
      clientId: 'device-b',
      mutationNumber: 1,
      hlc: formatHlc(Date.UTC(2026, 0, 20), 0),
      op: 'edit',
      noteId: n.id,
      patch: { takeaway: 'from B (newer)' },
    } as const;
    const older = {
      clientId: 'device-a',
      mutationNumber: 2,
      hlc: formatHlc(Date.UTC(2026, 0, 19), 5),
      op: 'edit',
      noteId: n.id,
      patch: { takeaway: 'from A (older)' },
    } as const;
    await push(ana.token, [newer]);
    const res = await push(ana.token, [older]);
    expect(res.results[0]).toMatchObject({ status: 'applied', isSuperseded: true });
    expect(noteOf((await pullAll(ana.token)).changes[0])?.takeaway).toBe('from B (newer)');
    // Same clock: the greater client id wins.
    const tieHlc = formatHlc(Date.UTC(2026, 0, 21), 0);
    await push(ana.token, [
      { clientId: 'device-z', mutationNumber: 1, hlc: tieHlc, op: 'edit', noteId: n.id, patch: { takeaway: 'z' } },
    ]);
    const tie = await push(ana.token, [
      { clientId: 'device-a', mutationNumber: 3, hlc: tieHlc, op: 'edit', noteId: n.id, patch: { takeaway: 'a' } },
    ]);
    expect(tie.results[0]).toMatchObject({ isSuperseded: true });
    expect(noteOf((await pullAll(ana.token)).changes[0])?.takeaway).toBe('z');
  });

  it('makes a delete final: content leaves the server, later edits are rejected the same way on replay', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const dev = client();
    const n = makeNote({ takeaway: 'secret-ish' });
    await push(ana.token, [dev.create(n)]);
    await push(bo.token, [client().thank(n.id)]);
    await push(ana.token, [dev.del(n.id)]);
    const lateEdit = dev.edit(n.id, { takeaway: 'offline edit' });
    const res = await push(ana.token, [lateEdit]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: 'deleted' });
    expect((await push(ana.token, [lateEdit])).results[0]).toMatchObject({ status: 'rejected', reason: 'deleted' });
    const { changes } = await pullAll(bo.token);
    expect(changes).toEqual([
      { type: 'tombstone', version: 3, noteId: n.id, authorId: ana.member.id, deletedAt: t.clock.now },
    ]);
    expect(await t.snapshot()).not.toContain('secret-ish');
    const { rows } = await t.db.query('SELECT * FROM thanks');
    expect(rows).toHaveLength(0);
  });

  it('treats thanks as a set of members', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const cy = await c.member('Cy');
    const n = makeNote();
    await push(ana.token, [client().create(n)]);
    const boDev = client();
    const res = await push(bo.token, [boDev.thank(n.id), boDev.thank(n.id)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await push(cy.token, [client().thank(n.id)]);
    let change = (await pullAll(ana.token)).changes[0];
    expect(change?.type === 'note' && [...change.thankedBy].sort()).toEqual([bo.member.id, cy.member.id].sort());
    await push(bo.token, [boDev.unthank(n.id), boDev.unthank(n.id)]);
    change = (await pullAll(ana.token)).changes[0];
    expect(change?.type === 'note' && change.thankedBy).toEqual([cy.member.id]);
  });

  it('rejects what an honest client can meet per mutation, without failing the batch', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    const res = await push(ana.token, [dev.edit(makeNote().id, { takeaway: 'x' }), dev.create()]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(res.results[0]).toMatchObject({ reason: 'not_found' });
  });

  it('pages through changes in version order with tombstones and a stable cursor at the end', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    const notes = Array.from({ length: 25 }, () => makeNote());
    await push(
      ana.token,
      notes.map((n) => dev.create(n)),
    );
    await push(ana.token, [dev.del(notes[0]!.id), dev.edit(notes[1]!.id, { tags: ['Fresh Tag', '#fresh-tag'] })]);
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await pull(ana.token, cursor, 10);
      pages.push(page);
      cursor = page.cursor;
    } while (pages.at(-1)!.hasMore);
    expect(pages.map((p) => p.changes.length)).toEqual([10, 10, 5]);
    const all = pages.flatMap((p) => p.changes);
    expect(all.map((ch) => ch.version)).toEqual([...all.map((ch) => ch.version)].sort((a, b) => a - b));
    expect(new Set(all.map((ch) => (ch.type === 'note' ? ch.note.id : ch.noteId))).size).toBe(25);
    expect(all.at(-2)).toMatchObject({ type: 'tombstone', noteId: notes[0]!.id });
    expect(noteOf(all.at(-1))?.tags).toEqual(['fresh-tag']);
    const empty = await pull(ana.token, cursor, 10);
    expect(empty).toMatchObject({ changes: [], hasMore: false, isReset: false });
    await push(ana.token, [dev.create()]);
    expect((await pull(ana.token, empty.cursor, 10)).changes).toHaveLength(1);
  });

  it('never lets one community see another’s notes or cursors', async () => {
    const a = await t.community('A');
    const b = await t.community('B');
    const ana = await a.member('Ana');
    const bea = await b.member('Bea');
    await push(ana.token, [client().create()]);
    const mine = await pullAll(bea.token);
    expect(mine.changes).toHaveLength(0);
    const anaCursor = (await pullAll(ana.token)).cursor;
    const res = await t.request('GET', `/v1/sync/pull?cursor=${encodeURIComponent(anaCursor)}`, { token: bea.token });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_cursor');
  });

  it('detects a server restored from a backup and resets clients into a new epoch', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    await push(ana.token, [dev.create(), dev.create(), dev.create()]);
    const seen = await pullAll(ana.token);
    // The "backup" predates the last two notes.
    await t.db.query('DELETE FROM notes WHERE version > 1');
    await t.db.query('UPDATE communities SET last_version = 1');
    await t.db.query('UPDATE client_mutations SET last_mutation = 1');
    t.restart();
    const after = await pull(ana.token, seen.cursor);
    expect(after.isReset).toBe(true);
    expect(after.epoch).not.toBe(seen.epoch);
    expect(after.changes).toHaveLength(1);
    const res = await push(ana.token, [client(dev.clientId, 4).create()]);
    expect(res.results[0]).toMatchObject({ status: 'deferred', expectedMutationNumber: 2 });
    expect((await pull(ana.token, seen.cursor)).isReset).toBe(true);
    expect((await pull(ana.token, after.cursor)).isReset).toBe(false);
  });

  it('after a real restore, notices a cursor from the lost history even once new writes reused its version', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const reader = await c.member('Reader');
    const anaDev = client();
    const first = makeNote();
    await push(ana.token, [anaDev.create(first)]);
    const early = await pullAll(reader.token);
    await t.backup();
    await push(ana.token, [anaDev.create(), anaDev.create()]);
    const seen = await pullAll(reader.token, early.cursor);
    expect(seen.changes).toHaveLength(2);
    await t.restoreBackup();
    // Bo writes after the restore: versions 2..4 again, so the reader's cursor (3) is no longer ahead.
    const boNotes = [makeNote(), makeNote(), makeNote()];
    const boDev = client();
    await push(
      bo.token,
      boNotes.map((n) => boDev.create(n)),
    );
    const after = await pullAll(reader.token, seen.cursor);
    expect(after.isReset).toBe(true);
    expect(after.epoch).not.toBe(seen.epoch);
    const ids = after.changes.map((ch) => noteOf(ch)?.id);
    expect(ids).toEqual([first.id, ...boNotes.map((n) => n.id)]);
    // Settled: the new cursor is not reset again, and nothing new arrives.
    expect(await pull(reader.token, after.cursor)).toMatchObject({ isReset: false, changes: [] });
    // A cursor from before the backup was in the kept history, but the epoch moved on: a reset, not a skip.
    const stale = await pullAll(reader.token, early.cursor);
    expect(stale.isReset).toBe(true);
    expect(stale.changes).toHaveLength(4);
  });

  it('keeps a cursor taken before the backup valid when nobody saw the lost history', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const dev = client();
    await push(ana.token, [dev.create()]);
    const early = await pullAll(ana.token);
    await t.backup();
    await push(ana.token, [dev.create()]);
    await t.restoreBackup();
    await push(ana.token, [client().create()]);
    const next = await pullAll(ana.token, early.cursor);
    expect(next.isReset).toBe(false);
    expect(next.changes).toHaveLength(1);
  });

  it('a delete of a note the server lost leaves a tombstone, so a stale copy sent later cannot revive it', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const laptop = client();
    const phone = client();
    const note = makeNote();
    const del = await push(ana.token, [phone.del(note.id)]);
    expect(del.results[0]).toMatchObject({ status: 'applied' });
    const stale = await push(ana.token, [laptop.create(note)]);
    expect(stale.results[0]).toMatchObject({ status: 'rejected', reason: 'deleted' });
    const { changes } = await pullAll(ana.token);
    expect(changes).toEqual([expect.objectContaining({ type: 'tombstone', noteId: note.id })]);
  });

  it('never skips a row under concurrent pushes: incremental pulls see every note exactly once', async () => {
    const c = await t.community();
    const writers = await Promise.all(['W1', 'W2', 'W3', 'W4'].map((n) => c.member(n)));
    const reader = await c.member('Reader');
    const created = new Set<string>();
    const seen: string[] = [];
    let cursor: string | undefined;
    let isDone = false;
    const poll = async () => {
      while (!isDone) {
        const page = await pull(reader.token, cursor, 7);
        for (const ch of page.changes) if (ch.type === 'note') seen.push(ch.note.id);
        cursor = page.cursor;
      }
    };
    const write = async (token: string) => {
      const dev = client();
      for (let round = 0; round < 5; round++) {
        const notes = [makeNote(), makeNote(), makeNote()];
        notes.forEach((n) => created.add(n.id));
        await push(
          token,
          notes.map((n) => dev.create(n)),
        );
      }
    };
    const poller = poll();
    await Promise.all(writers.map((w) => write(w.token)));
    isDone = true;
    await poller;
    const rest = await pullAll(reader.token, cursor, 7);
    for (const ch of rest.changes) if (ch.type === 'note') seen.push(ch.note.id);
    expect(seen.length).toBe(created.size);
    expect(new Set(seen)).toEqual(created);
  });
});
