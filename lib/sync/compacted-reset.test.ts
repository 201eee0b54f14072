import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { draftIn as draft, joinedPair, makeClient, type TestClient } from '../../tests/property/sync-client';
import { compactThrough } from '../../server/src/sync/compact';

/**
 * A client offline across a compaction (issue 19): its cursor is below the fence when it comes back. The real
 * endpoint (in-process PGlite) and the real engine; compaction as the server runs it.
 */
const env = useTestEndpoint();

async function made(c: TestClient, communityId: string, takeaway: string): Promise<Note> {
  const r = await c.notes.create(draft(communityId, takeaway));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const live = async (c: TestClient, communityId: string) =>
  (await c.db.notes.where('communityId').equals(communityId).toArray())
    .filter((n) => n.deletedAt === undefined)
    .map((n) => n.takeaway)
    .sort();

const serverLive = async (communityId: string) =>
  (
    await env.server.db.query<{ t: string }>(
      `SELECT body->>'takeaway' AS t FROM notes WHERE community_id = $1 AND body IS NOT NULL`,
      [communityId],
    )
  ).rows
    .map((r) => r.t)
    .sort();

/** Compacts every tombstone: the fence moves to the head. */
const compactAll = (communityId: string) => compactThrough(env.server.db, communityId, Number.MAX_SAFE_INTEGER);

const pullsAnswered = () => env.log.pulls.length;

describe('a client offline across a compaction resets, and never resurrects', () => {
  it('keeps its own unsent edits and new notes, and drops what others deleted', async () => {
    const { id, a, b } = await joinedPair(env.server, env.server, env.log, env.clients);
    const ada1 = await made(a, id, 'ada one');
    await made(a, id, 'ada two');
    const bea1 = await made(b, id, 'bea one');
    await made(b, id, 'bea two');
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    await a.engine.syncAll(true); // Ada now holds all four

    a.setOffline(true);
    expect((await a.notes.update(ada1.id, { takeaway: 'ada one, edited offline' })).ok).toBe(true);
    await made(a, id, 'ada three, made offline');
    await b.notes.remove(bea1.id);
    await b.engine.syncAll(true);
    expect((await compactAll(id)).tombstones).toBe(1);

    a.setOffline(false);
    const before = pullsAnswered();
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced' });
    expect(pullsAnswered()).toBeGreaterThan(before);
    await b.engine.syncAll(true);
    const expected = ['ada one, edited offline', 'ada three, made offline', 'ada two', 'bea two'];
    expect(await serverLive(id)).toEqual(expected);
    expect(await live(a, id)).toEqual(expected);
    expect(await live(b, id)).toEqual(expected);
    expect(await a.db.notes.get(bea1.id)).toBeUndefined(); // dropped, not kept as a stale live copy
  });

  it('an edit of its own note deleted on another device meanwhile stays a rejected draft, never a create', async () => {
    const { id, code } = await env.server.createCommunity('Makers');
    const laptop = makeClient(env.server, env.log);
    env.clients.push(laptop);
    await laptop.join(code, 'Ada');
    const phone = makeClient(env.server, env.log);
    env.clients.push(phone);
    await phone.joinAsDeviceOf(laptop, id);
    const note = await made(laptop, id, 'written on the laptop');
    await laptop.engine.syncAll(true);
    await phone.engine.syncAll(true);

    phone.setOffline(true);
    expect((await phone.notes.update(note.id, { takeaway: 'edited on the phone, offline' })).ok).toBe(true);
    await laptop.notes.remove(note.id);
    await laptop.engine.syncAll(true);
    await compactAll(id);

    phone.setOffline(false);
    expect((await phone.engine.syncAll(true))[0]).toMatchObject({ status: 'synced' });
    await laptop.engine.syncAll(true);
    expect(await serverLive(id)).toEqual([]);
    expect(await live(phone, id)).toEqual([]);
    const drafts = (await phone.db.notes.toArray()).filter((n) => n.sync?.isRejected);
    expect(drafts.map((n) => n.takeaway)).toEqual(['edited on the phone, offline']);
  });

  it('an undo of a delete already sent, after its tombstone was compacted, stays a draft and brings nothing back', async () => {
    const { id, a, b } = await joinedPair(env.server, env.server, env.log, env.clients);
    const note = await made(a, id, 'deleted, then undone');
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    await a.notes.remove(note.id);
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    await compactAll(id);
    expect((await a.notes.restore(note.id)).ok).toBe(true); // undo, after the delete left the device
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced' });
    await b.engine.syncAll(true);
    expect(await serverLive(id)).toEqual([]);
    expect(await live(a, id)).toEqual([]);
    expect(await live(b, id)).toEqual([]);
    const drafts = (await a.db.notes.toArray()).filter((n) => n.sync?.isRejected).map((n) => n.takeaway);
    expect(drafts).toEqual(['deleted, then undone']);
  });
});
