import { describe, expect, it } from 'vitest';
import { writeImport } from '../db/import';
import { setThanks, thanksFor, thanksForNotes } from './thanks';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { draftIn as draft, joinedPair, makeClient } from '../../tests/property/sync-client';

const env = useTestEndpoint();

const pair = () => joinedPair(env.server, env.server, env.log, env.clients);

describe('sync engine against the real endpoint', () => {
  it('re-sends an acknowledged note the server lost in a restore before any cursor went past the backup', async () => {
    const { id, a, b } = await pair();
    await env.server.backup();
    const made = await a.notes.create(draft(id, 'acked then lost'));
    if (!made.ok) throw new Error(made.error);
    // The push lands twice (we only see the duplicate answer); the pull after it is lost.
    a.faults.push('duplicate', 'lostBefore');
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'failed' });
    expect((await a.notes.get(made.value.id))?.sync?.isPending).toBeFalsy();
    await env.server.restore();
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    expect((await b.notes.get(made.value.id))?.takeaway).toBe('acked then lost');
  });

  for (const order of ['deleting device first', 'stale device first'] as const) {
    it(`a delete the server lost in a restore stays final when another device re-sends the note (${order})`, async () => {
      const { id, a, b } = await pair();
      const a2 = makeClient(env.server, env.log);
      env.clients.push(a2);
      await a2.joinAsDeviceOf(a, id);
      await env.server.backup();
      const made = await a.notes.create(draft(id, 'deleted before the restore'));
      if (!made.ok) throw new Error(made.error);
      await a.engine.syncAll(true);
      await a2.engine.syncAll(true); // the second device holds the note live, and will not hear of the delete
      await a.notes.remove(made.value.id);
      await a.engine.syncAll(true);
      await b.engine.syncAll(true);
      await env.server.restore(); // the server forgets the note and its delete
      const devices = order === 'deleting device first' ? [a, a2] : [a2, a];
      for (let round = 0; round < 3; round++) for (const c of [...devices, b]) await c.engine.syncAll(true);
      const held = await Promise.all([a, a2, b].map((c) => c.db.notes.get(made.value.id)));
      expect(held.map((n) => n === undefined || n.deletedAt !== undefined)).toEqual([true, true, true]);
      const everyone = await Promise.all([a, a2, b].map((c) => c.db.notes.toArray()));
      expect(
        everyone.flat().filter((n) => n.deletedAt === undefined && n.takeaway === 'deleted before the restore'),
      ).toEqual([]);
    });
  }

  it("moves the author's note to a new page for everyone; another member cannot move it", async () => {
    const { id, a, b } = await pair();
    const made = await a.notes.create(draft(id, 'moving'));
    if (!made.ok) throw new Error(made.error);
    await a.engine.syncAll();
    await b.engine.syncAll();
    expect(await b.notes.moveToPage([made.value.id], 'https://example.org/elsewhere')).toEqual({
      ok: false,
      error: 'Only their authors can move community notes',
    });
    expect(await b.db.outbox.count()).toBe(0);
    expect(await a.notes.moveToPage([made.value.id], 'https://example.org/b?utm_source=x')).toEqual({
      ok: true,
      value: { moved: 1, skipped: 0 },
    });
    expect(await a.db.outbox.count()).toBe(1);
    await a.engine.syncAll();
    await b.engine.syncAll();
    const seen = await b.notes.get(made.value.id);
    expect(seen?.page.url).toBe('https://example.org/b');
    expect(seen?.takeaway).toBe('moving');
    expect((await b.notes.forPage('https://example.org/b')).map((n) => n.id)).toEqual([made.value.id]);
  });

  it('imported notes for a joined community are shared like any other write', async () => {
    const { id, a, b } = await pair();
    const made = await a.notes.create(draft(id, 'template'));
    if (!made.ok) throw new Error(made.error);
    const { author: _author, sync: _sync, ...base } = made.value;
    await a.db.notes.delete(made.value.id);
    await a.db.outbox.clear();
    const imported = [1, 2, 3].map((i) => ({
      ...base,
      id: `0190f0a0-0000-7000-8000-00000000000${i}`,
      takeaway: `imported ${i}`,
    }));
    expect(await writeImport(a.db, imported, [], { batchSize: 2 })).toEqual({ written: 3, isCancelled: false });
    expect(await a.db.outbox.count()).toBe(3);
    await a.engine.syncAll();
    await b.engine.syncAll();
    const got = await Promise.all(imported.map((n) => b.notes.get(n.id)));
    expect(got.map((n) => [n?.takeaway, n?.author?.name])).toEqual([
      ['imported 1', 'Ada'],
      ['imported 2', 'Ada'],
      ['imported 3', 'Ada'],
    ]);
  });

  it('carries a note, its edit, a thank and a delete from one member to another', async () => {
    const { id, a, b } = await pair();
    const made = await a.notes.create(draft(id, 'first'));
    if (!made.ok) throw new Error(made.error);
    expect(made.value.author?.name).toBe('Ada');
    expect(await a.db.outbox.count()).toBe(1);
    expect((await a.engine.syncAll())[0]).toMatchObject({ status: 'synced', pushed: 1 });
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.notes.get(made.value.id))?.sync?.isPending).toBeFalsy();

    await b.engine.syncAll();
    const seen = await b.notes.get(made.value.id);
    expect(seen).toMatchObject({ takeaway: 'first', author: { name: 'Ada' }, communityId: id });

    await a.notes.update(made.value.id, { takeaway: 'second' });
    await a.engine.syncAll();
    await b.engine.syncAll();
    expect((await b.notes.get(made.value.id))?.takeaway).toBe('second');
    expect((await b.notes.update(made.value.id, { takeaway: 'hijack' })).ok).toBe(false);

    expect((await setThanks(a.db, made.value.id, true, a.now())).ok).toBe(false); // not your own
    expect((await setThanks(b.db, made.value.id, true, b.now())).ok).toBe(true);
    await b.engine.syncAll();
    await a.engine.syncAll();
    expect(await thanksFor(a.db, made.value.id)).toEqual({ count: 1, isThankedByMe: false });
    expect(await thanksFor(b.db, made.value.id)).toEqual({ count: 1, isThankedByMe: true });
    // The popup's list asks for all its notes at once: the same answers, and none for a note without thanks.
    const other = await b.notes.create(draft(id, 'unthanked'));
    if (!other.ok) throw new Error(other.error);
    const list = [made.value, other.value];
    expect(await thanksForNotes(a.db, list)).toEqual(
      new Map([
        [made.value.id, { count: 1, isThankedByMe: false }],
        [other.value.id, { count: 0, isThankedByMe: false }],
      ]),
    );
    expect((await thanksForNotes(b.db, list)).get(made.value.id)).toEqual({ count: 1, isThankedByMe: true });

    await a.notes.remove(made.value.id);
    await a.engine.syncAll();
    await b.engine.syncAll();
    expect(await b.notes.get(made.value.id)).toBeUndefined();
  });

  it('keeps an offline edit of a note deleted meanwhile as a rejected draft', async () => {
    const { id, a } = await pair();
    const phone = makeClient(env.server, env.log);
    env.clients.push(phone);
    await phone.joinAsDeviceOf(a, id);
    const made = await a.notes.create(draft(id, 'original'));
    if (!made.ok) throw new Error(made.error);
    await a.engine.syncAll();
    await phone.engine.syncAll();
    expect((await phone.notes.update(made.value.id, { takeaway: 'my offline thought' })).ok).toBe(true);
    await a.notes.remove(made.value.id);
    await a.engine.syncAll();
    await phone.engine.syncAll();
    expect(await phone.notes.get(made.value.id)).toBeUndefined();
    const drafts = (await phone.db.notes.toArray()).filter((n) => n.sync?.isRejected);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ takeaway: 'my offline thought', communityId: null });
  });

  it('loses nothing through lost requests, lost answers, duplicates and a killed worker', async () => {
    const { id, a, b } = await pair();
    for (let i = 0; i < 5; i++) await a.notes.create(draft(id, `n${i}`));
    a.faults.push('lostAfter');
    expect((await a.engine.syncAll())[0]!.status).toBe('failed');
    a.faults.push('duplicate', 'kill');
    await a.engine.syncAll(true);
    expect(a.faults).toEqual([]);
    a.restartWorker();
    a.faults.push('429');
    const failed = (await a.engine.syncAll(true))[0]!;
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.status === 'failed' && failed.retryInMs).toBeGreaterThanOrEqual(2000);
    expect((await a.engine.syncAll())[0]).toMatchObject({ status: 'skipped', reason: 'backing-off' });
    const healed = (await a.engine.syncAll(true))[0]!;
    expect(healed, JSON.stringify(healed)).toMatchObject({ status: 'synced' });
    await b.engine.syncAll();
    const got = (await b.db.notes.where('communityId').equals(id).toArray()).map((n) => n.takeaway).sort();
    expect(got).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    const applied = env.log.push.flatMap((p) => p.results).filter((r) => r.status === 'applied');
    expect(applied).toHaveLength(5);
  });

  it('undoing a delete before it was sent never reaches the server', async () => {
    const { id, a, b } = await pair();
    const made = await a.notes.create(draft(id, 'keep me'));
    if (!made.ok) throw new Error(made.error);
    await a.notes.remove(made.value.id);
    await a.notes.restore(made.value.id);
    await a.engine.syncAll();
    await b.engine.syncAll();
    expect((await b.notes.get(made.value.id))?.takeaway).toBe('keep me');
  });
});
