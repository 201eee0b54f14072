import { describe, expect, it } from 'vitest';
import { enqueue, outboxTables, pendingCount, retrySetAside, setAsideFor, withoutSync } from '../db/outbox';
import type { Note } from '../model';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import type { TestServer } from '../../tests/property/sync-harness';
import { draftIn as draft, joinedPair, type TestClient } from '../../tests/property/sync-client';
import { MAX_STRIKES } from './push';

/** Push bodies naming one of these note ids get an HTTP 500 from the endpoint (a server that breaks on them). */
const breaksOn = new Set<string>();
/** Every request gets a 500 (an endpoint that is broken for everyone). */
let isDown = false;

const env = useTestEndpoint(() => {
  breaksOn.clear();
  isDown = false;
});

/** The real endpoint, except that it answers 500 to a push carrying a note in `breaksOn`. */
const breaking: TestServer = new Proxy({} as TestServer, {
  get: (_t, key: keyof TestServer) =>
    key === 'request'
      ? async (url: string, init: RequestInit) => {
          const body = typeof init.body === 'string' ? init.body : '';
          if (isDown || (url.includes('/v1/sync/push') && [...breaksOn].some((id) => body.includes(id)))) {
            return Response.json({ error: { code: 'internal', message: 'Internal error' } }, { status: 500 });
          }
          return env.server.request(url, init);
        }
      : env.server[key],
});

const pair = () => joinedPair(env.server, breaking, env.log, env.clients);

/** Queues a change the way a repository would, but with a note the endpoint refuses (as a hostile page might). */
async function queueRaw(c: TestClient, communityId: string, note: Note) {
  await c.db.transaction('rw', outboxTables(c.db), async () => {
    await c.db.notes.put({ ...note, sync: { isPending: true } });
    await enqueue(
      c.db,
      communityId,
      { op: 'create', noteId: note.id, hlc: note.sync!.hlc!, note: withoutSync(note) },
      1,
    );
  });
}

async function made(c: TestClient, communityId: string, takeaway: string): Promise<Note> {
  const r = await c.notes.create(draft(communityId, takeaway));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const takeaways = async (c: TestClient, communityId: string) =>
  (await c.db.notes.where('communityId').equals(communityId).toArray())
    .filter((n) => n.deletedAt === undefined)
    .map((n) => n.takeaway)
    .sort();

describe('a change the endpoint refuses or keeps failing on is set aside, and sync goes on', () => {
  it('a refused change (400) is kept, set aside with the reason, and later changes and pulls still flow', async () => {
    const { id, a, b } = await pair();
    const before = await made(a, id, 'before');
    // The endpoint refuses a NUL in a takeaway (400); the rest of the queue must not wait on it.
    await queueRaw(a, id, { ...before, id: '0190f0a0-0000-7000-8000-0000000000aa', takeaway: 'bad\u0000words' });
    await made(a, id, 'after');
    await made(b, id, 'from bea');
    await b.engine.syncAll(true);

    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced' });
    const aside = await setAsideFor(a.db, id);
    expect(aside).toHaveLength(1);
    expect(aside[0]!.mutation.change.noteId).toBe('0190f0a0-0000-7000-8000-0000000000aa');
    expect(aside[0]!.mutation.setAside?.reason).toMatch(/^Refused by the endpoint: /);
    expect(await pendingCount(a.db, id)).toBe(0);
    // Kept: the note and its words are still here, still marked as not shared.
    expect((await a.db.notes.get('0190f0a0-0000-7000-8000-0000000000aa'))?.sync?.isPending).toBe(true);
    expect(await takeaways(a, id)).toEqual(['after', 'bad\u0000words', 'before', 'from bea']);

    await b.engine.syncAll(true);
    expect(await takeaways(b, id)).toEqual(['after', 'before', 'from bea']);
    // A later change still gets the next number the endpoint expects.
    await made(a, id, 'later still');
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced', pushed: 1 });
    await b.engine.syncAll(true);
    expect(await takeaways(b, id)).toEqual(['after', 'before', 'from bea', 'later still']);
  });

  it('a change the endpoint keeps breaking on (500) is set aside after a few passes; pulls run all along', async () => {
    const { id, a, b } = await pair();
    const bad = await made(a, id, 'the endpoint breaks on me');
    const good = await made(a, id, 'queued behind it');
    breaksOn.add(bad.id);
    for (let pass = 1; pass < MAX_STRIKES; pass++) {
      await made(b, id, `bea ${pass}`);
      await b.engine.syncAll(true);
      expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'failed', error: { status: 500 } });
      // The push failed, the pull did not wait for it.
      expect(await takeaways(a, id)).toContain(`bea ${pass}`);
      expect(await setAsideFor(a.db, id)).toHaveLength(0);
    }
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced', pushed: 1 });
    const aside = await setAsideFor(a.db, id);
    expect(aside.map((r) => [r.mutation.change.noteId, r.mutation.setAside?.reason])).toEqual([
      [bad.id, `The endpoint failed on this change ${MAX_STRIKES} times: Internal error`],
    ]);
    await b.engine.syncAll(true);
    expect(await takeaways(b, id)).toEqual(['bea 1', 'bea 2', good.takeaway]);

    // The user retries once the endpoint is mended: it goes at the end of the queue and is shared.
    breaksOn.clear();
    expect(await retrySetAside(a.db, id)).toBe(1);
    expect(await pendingCount(a.db, id)).toBe(1);
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced', pushed: 1 });
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.db.notes.get(bad.id))?.sync?.isPending).toBeFalsy();
    await b.engine.syncAll(true);
    expect(await takeaways(b, id)).toEqual(['bea 1', 'bea 2', good.takeaway, bad.takeaway]);
  });

  it('an endpoint that is broken for everyone (its pulls fail too) sets nothing aside, however long', async () => {
    const { id, a } = await pair();
    await made(a, id, 'waits for the endpoint');
    await made(a, id, 'and me');
    isDown = true;
    for (let pass = 0; pass < MAX_STRIKES + 2; pass++) {
      expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'failed' });
    }
    expect(await setAsideFor(a.db, id)).toHaveLength(0);
    expect(await pendingCount(a.db, id)).toBe(2);
    isDown = false;
    expect((await a.engine.syncAll(true))[0]).toMatchObject({ status: 'synced', pushed: 2 });
  });
});
