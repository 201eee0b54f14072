import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JoinResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  TokenCreateResponseSchema,
  type Change,
  type MutationInput,
} from '../../lib/sync/protocol';
import { createCommunity } from './bootstrap';
import type { Database } from './db/database';
import { createInvite } from './db/invites';
import { openPostgres } from './db/postgres';
import { DEFAULT_LIMITS } from './app';
import { TEST_DATABASE_URL } from '../testing/harness';
import { client, makeNote } from '../testing/notes';
import { scratchDatabase, startEndpoints, type Endpoints } from '../testing/processes';

/**
 * Issue 19: 1, 2 and 4 real endpoint processes (child processes running server/src/index.ts's start-up) on one
 * PostgreSQL, each request routed to a process the test names or to a random one. Everything that must hold on
 * one process must hold across them. PostgreSQL only: PGlite is one process by design (it locks its folder).
 */
const ROOMY = { burst: 1_000_000, perMinute: 1_000_000 };
const onPostgres = TEST_DATABASE_URL ? describe : describe.skip;

/** A community and a way to join it, straight in the shared database (invites are not what is tested). */
async function setUpCommunity(db: Database, eps: Endpoints) {
  const id = await createCommunity(db, `Scale ${Math.random()}`, Date.now());
  const join = async (displayName: string, via: number | 'random' = 'random') => {
    const { code } = await createInvite(db, {
      communityId: id,
      role: 'member',
      maxUses: 1,
      expiresAt: Date.now() + 3_600_000,
      createdBy: null,
      at: Date.now(),
    });
    const res = await eps.fetch(via, '/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName }),
    });
    if (res.status !== 201) throw new Error(`join ${res.status}: ${await res.text()}`);
    return JoinResponseSchema.parse(await res.json());
  };
  return { id, join };
}

function api(eps: Endpoints) {
  const call = (via: number | 'random', token: string, method: string, path: string, body?: unknown) =>
    eps.fetch(via, path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const push = async (via: number | 'random', token: string, mutations: MutationInput[]) => {
    const res = await call(via, token, 'POST', '/v1/sync/push', { mutations });
    if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
    return PushResponseSchema.parse(await res.json());
  };
  const pull = async (via: number | 'random', token: string, cursor?: string) => {
    const qs = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    const res = await call(via, token, 'GET', `/v1/sync/pull?${qs}`);
    if (res.status !== 200) throw new Error(`pull ${res.status}: ${await res.text()}`);
    return PullResponseSchema.parse(await res.json());
  };
  return { call, push, pull };
}

const idOf = (c: Change) => (c.type === 'note' ? c.note.id : c.noteId);

onPostgres.each([1, 2, 4])('%i endpoint processes on one PostgreSQL', (count) => {
  let eps: Endpoints;
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await scratchDatabase(TEST_DATABASE_URL);
    drop = scratch.drop;
    eps = await startEndpoints(scratch.url, count, {
      perMember: ROOMY,
      perIp: ROOMY,
      joinPerIp: ROOMY,
      writesPerMember: ROOMY,
    });
    db = await openPostgres(scratch.url, { max: 4 });
  }, 120_000);
  afterAll(async () => {
    await eps?.stopAll();
    await db?.close();
    await drop?.();
  }, 60_000);

  it('applies a batch delivered to every process at once exactly once', async () => {
    const c = await setUpCommunity(db, eps);
    const ana = await c.join('Ana');
    const dev = client();
    const batch = [dev.create(), dev.create(), dev.create()];
    const answers = await Promise.all(
      Array.from({ length: count * 2 }, (_, i) => api(eps).push(i % count, ana.token, batch)),
    );
    // Each mutation was applied by exactly one delivery; every other delivery saw it as a duplicate.
    for (let m = 0; m < batch.length; m++) {
      const statuses = answers.map((a) => a.results[m]!.status).sort();
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(1);
      expect(statuses.filter((s) => s !== 'applied').every((s) => s === 'duplicate' || s === 'deferred')).toBe(true);
    }
    const { rows } = await db.query('SELECT id FROM notes WHERE community_id = $1', [c.id]);
    expect(rows).toHaveLength(3);
  });

  it('pulls through random processes in version order and never skips a commit that lands late', async () => {
    const c = await setUpCommunity(db, eps);
    const writers = await Promise.all(['W1', 'W2', 'W3'].map((n) => c.join(n)));
    const reader = await c.join('Reader');
    const seen: Change[] = [];
    let cursor: string | undefined;
    let isWriting = true;
    const read = (async () => {
      // Pull while the writers write, and once more after they are done.
      for (let last = false; !last;) {
        last = !isWriting;
        let page;
        do {
          page = await api(eps).pull('random', reader.token, cursor);
          seen.push(...page.changes);
          cursor = page.cursor;
        } while (page.hasMore);
      }
    })();
    const written = await Promise.all(
      writers.map(async (w) => {
        const dev = client();
        const ids: string[] = [];
        for (let round = 0; round < 8; round++) {
          const notes = [makeNote(), makeNote()];
          await api(eps).push(
            'random',
            w.token,
            notes.map((n) => dev.create(n)),
          );
          ids.push(...notes.map((n) => n.id));
        }
        return ids;
      }),
    );
    isWriting = false;
    await read;
    const versions = seen.map((ch) => ch.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(seen.map(idOf).sort()).toEqual(written.flat().sort());
  });

  it('starts one new epoch when a restored history is noticed by several processes at once', async () => {
    const c = await setUpCommunity(db, eps);
    const ana = await c.join('Ana');
    const dev = client();
    await api(eps).push(0, ana.token, [dev.create(), dev.create(), dev.create()]);
    const seen = await api(eps).pull(0, ana.token);
    // As after restoring a backup taken after the first note.
    await db.query('DELETE FROM notes WHERE community_id = $1 AND version > 1', [c.id]);
    await db.query('DELETE FROM version_batches WHERE community_id = $1', [c.id]);
    await db.query('UPDATE communities SET last_version = 1 WHERE id = $1', [c.id]);
    const pages = await Promise.all(
      Array.from({ length: count * 2 }, (_, i) => api(eps).pull(i % count, ana.token, seen.cursor)),
    );
    expect(pages.every((p) => p.isReset)).toBe(true);
    const { rows } = await db.query<{ epoch: string }>('SELECT epoch FROM communities WHERE id = $1', [c.id]);
    expect(rows[0]!.epoch).not.toBe(seen.epoch);
    // Racing detectors agree: every process answers the one epoch the database now holds.
    expect(new Set(pages.map((p) => p.epoch))).toEqual(new Set([rows[0]!.epoch]));
  });

  it('stops a revoked token on every process at once', async () => {
    const c = await setUpCommunity(db, eps);
    const ana = await c.join('Ana');
    const minted = await api(eps).call(0, ana.token, 'POST', '/v1/tokens', {});
    const second = TokenCreateResponseSchema.parse(await minted.json());
    // Every process has just served it (a cache, if any, would hold it now).
    for (let i = 0; i < count; i++) expect((await api(eps).pull(i, second.token)).isReset).toBe(false);
    const revoked = await api(eps).call(count - 1, second.token, 'DELETE', '/v1/tokens/current');
    expect(revoked.status).toBe(204);
    for (let i = 0; i < count; i++) {
      expect((await api(eps).call(i, second.token, 'GET', '/v1/sync/pull')).status).toBe(401);
    }
    expect((await api(eps).call(0, ana.token, 'GET', '/v1/sync/pull')).status).toBe(200);
  });

  it('answers a poll on one process with what another process just committed', async () => {
    const c = await setUpCommunity(db, eps);
    const [ana, bo] = [await c.join('Ana'), await c.join('Bo')];
    const dev = client();
    let cursor = (await api(eps).pull(0, bo.token)).cursor;
    for (let round = 0; round < 5; round++) {
      // Every process has answered a poll at the current head (the case a head cache serves).
      for (let i = 0; i < count; i++) expect((await api(eps).pull(i, bo.token, cursor)).changes).toHaveLength(0);
      const note = makeNote();
      await api(eps).push(round % count, ana.token, [dev.create(note)]);
      const page = await api(eps).pull((round + 1) % count, bo.token, cursor);
      expect(page.changes.map(idOf)).toEqual([note.id]);
      cursor = page.cursor;
    }
  });
});

onPostgres('limits per member across 4 processes on one PostgreSQL', () => {
  let eps: Endpoints;
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const scratch = await scratchDatabase(TEST_DATABASE_URL);
    drop = scratch.drop;
    eps = await startEndpoints(scratch.url, 4, {
      perIp: ROOMY,
      joinPerIp: ROOMY,
      perMember: { burst: 12, perMinute: 1 },
      writesPerMember: { burst: 6, perMinute: 1 },
      memberNotes: 4,
    });
    db = await openPostgres(scratch.url, { max: 4 });
  }, 120_000);
  afterAll(async () => {
    await eps?.stopAll();
    await db?.close();
    await drop?.();
  }, 60_000);

  it('gives a member one allowance of requests and writes, whichever processes serve them', async () => {
    expect(DEFAULT_LIMITS.perMember.burst).toBeGreaterThan(12);
    const c = await setUpCommunity(db, eps);
    const ana = await c.join('Ana');
    const dev = client();
    // Writes: 6 at once, refilled at one a minute. Two pushes of 2 pass on two processes; 3 more, elsewhere, wait.
    const w = [await api(eps).call(0, ana.token, 'POST', '/v1/sync/push', { mutations: [dev.create(), dev.create()] })];
    w.push(await api(eps).call(1, ana.token, 'POST', '/v1/sync/push', { mutations: [dev.create(), dev.create()] }));
    expect(w.map((r) => r.status)).toEqual([200, 200]);
    const more = [dev.create(), dev.create(), dev.create()];
    const refused = await api(eps).call(2, ana.token, 'POST', '/v1/sync/push', { mutations: more });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Requests: 12 at once in all (3 used above); round-robin over 4 processes, 9 more pass and then none.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await api(eps).call(i % 4, ana.token, 'GET', '/v1/members')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    expect(statuses.slice(9)).toEqual([429, 429, 429]);
  });

  it('holds a member’s quota of notes when pushes race through different processes', async () => {
    const c = await setUpCommunity(db, eps);
    const bo = await c.join('Bo');
    const [d1, d2] = [client(), client()];
    const answers = await Promise.all([
      api(eps).call(0, bo.token, 'POST', '/v1/sync/push', { mutations: [d1.create(), d1.create(), d1.create()] }),
      api(eps).call(3, bo.token, 'POST', '/v1/sync/push', { mutations: [d2.create(), d2.create(), d2.create()] }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 403]);
    const { rows } = await db.query('SELECT id FROM notes WHERE author_id = $1 AND body IS NOT NULL', [bo.member.id]);
    expect(rows).toHaveLength(3);
  });
});
