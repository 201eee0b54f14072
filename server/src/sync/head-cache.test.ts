import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinResponseSchema, PullResponseSchema, type MutationInput } from '../../../lib/sync/protocol';
import { createApp } from '../app';
import { createCommunity } from '../bootstrap';
import type { Database } from '../db/database';
import { createInvite } from '../db/invites';
import { LISTENER_NAME } from '../db/listen';
import { migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import { TEST_DATABASE_URL } from '../../testing/harness';
import { client } from '../../testing/notes';

const ROOMY = { burst: 1_000_000, perMinute: 1_000_000 };
const LIMITS = { perMember: ROOMY, perIp: ROOMY, joinPerIp: ROOMY, writesPerMember: ROOMY };

/** A pool that records every statement it runs, to see what a poll asks the database. */
function counted(db: Database) {
  const seen: string[] = [];
  const wrapped: Database = {
    ...db,
    kind: db.kind,
    query: (sql, params) => (seen.push(sql), db.query(sql, params)),
    transaction: (fn) =>
      db.transaction((tx) => fn({ query: (sql, params) => (seen.push(sql), tx.query(sql, params)) })),
    close: () => db.close(),
    subscribe: db.subscribe?.bind(db),
  };
  return { db: wrapped, seen };
}

/**
 * Issue 19 item 2, on a real PostgreSQL: two app instances, each with its own pool and listener (two
 * processes as far as the database can tell), one schema.
 */
(TEST_DATABASE_URL ? describe : describe.skip)('head cache across processes on PostgreSQL', () => {
  const schema = `hc_${randomBytes(6).toString('hex')}`;
  const cursorKey = randomBytes(32);
  let a: ReturnType<typeof counted>;
  let b: ReturnType<typeof counted>;
  let appA: ReturnType<typeof createApp>;
  let appB: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const admin = await openPostgres(TEST_DATABASE_URL, { max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const open = () => openPostgres(TEST_DATABASE_URL, { max: 4, searchPath: schema });
    a = counted(await open());
    b = counted(await open());
    await migrate(a.db);
    appA = createApp({ db: a.db, cursorKey, limits: LIMITS });
    appB = createApp({ db: b.db, cursorKey, limits: LIMITS });
  }, 60_000);
  afterAll(async () => {
    await a?.db.query(`DROP SCHEMA ${schema} CASCADE`);
    await a?.db.close();
    await b?.db.close();
  });

  const call = async (app: ReturnType<typeof createApp>, token: string, path: string, body?: unknown) => {
    const res = await app.request(
      path,
      {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      },
      { incoming: { socket: { remoteAddress: '192.0.2.1' } } },
    );
    if (res.status !== 200) throw new Error(`${path} ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const pull = async (app: ReturnType<typeof createApp>, token: string, cursor?: string) =>
    PullResponseSchema.parse(await call(app, token, `/v1/sync/pull?${new URLSearchParams(cursor ? { cursor } : {})}`));
  const push = (app: ReturnType<typeof createApp>, token: string, mutations: MutationInput[]) =>
    call(app, token, '/v1/sync/push', { mutations });
  const member = async (communityId: string, name: string) => {
    const { code } = await createInvite(a.db, {
      communityId,
      role: 'member',
      maxUses: 1,
      expiresAt: Date.now() + 3_600_000,
      createdBy: null,
      at: Date.now(),
    });
    const res = await appA.request('/v1/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, displayName: name }),
    });
    return JoinResponseSchema.parse(await res.json());
  };
  /** Waits until B's listener is up (it connects in the background after createApp). */
  const listening = async (communityId: string, token: string, cursor: string) => {
    for (let i = 0; i < 200; i++) {
      await pull(appB, token, cursor);
      b.seen.length = 0;
      await pull(appB, token, cursor);
      if (!b.seen.some((s) => s.includes('FROM communities'))) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`B never cached the head of ${communityId}`);
  };

  it('answers a poll at the head without reading notes or communities', async () => {
    const id = await createCommunity(a.db, 'Polls', Date.now());
    const ana = await member(id, 'Ana');
    await push(appA, ana.token, [client().create()]);
    const { cursor } = await pull(appB, ana.token);
    await listening(id, ana.token, cursor);
    b.seen.length = 0;
    for (let i = 0; i < 20; i++) expect((await pull(appB, ana.token, cursor)).changes).toHaveLength(0);
    expect(b.seen.filter((s) => /FROM (communities|notes|version_batches)/.test(s))).toEqual([]);
  });

  it('never answers a poll on B with a head older than a commit A finished before it', async () => {
    const id = await createCommunity(a.db, 'Race', Date.now());
    const [ana, bo] = [await member(id, 'Ana'), await member(id, 'Bo')];
    const dev = client();
    await push(appA, ana.token, [dev.create()]);
    let { cursor } = await pull(appB, bo.token);
    await listening(id, bo.token, cursor);
    // Push on A, then at once poll B at what B has cached: B must see the new note every time.
    for (let round = 0; round < 40; round++) {
      await push(appA, ana.token, [dev.create()]);
      const page = await pull(appB, bo.token, cursor);
      expect(page.changes).toHaveLength(1);
      cursor = page.cursor;
      expect((await pull(appB, bo.token, cursor)).changes).toHaveLength(0);
    }
  });

  it('drops the cache when its listener is cut, asks the database meanwhile, and caches again once back', async () => {
    const id = await createCommunity(a.db, 'Cut', Date.now());
    const [ana, bo] = [await member(id, 'Ana'), await member(id, 'Bo')];
    const dev = client();
    await push(appA, ana.token, [dev.create()]);
    let { cursor } = await pull(appB, bo.token);
    await listening(id, bo.token, cursor);
    // Cut every listening connection (B's and A's): notices committed now reach nobody.
    const { rows } = await a.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [LISTENER_NAME],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    await push(appA, ana.token, [dev.create()]);
    b.seen.length = 0;
    const page = await pull(appB, bo.token, cursor);
    expect(page.changes).toHaveLength(1);
    // Asked the database: nothing cached is trusted while nobody listens.
    expect(b.seen.some((s) => s.includes('FROM communities'))).toBe(true);
    cursor = page.cursor;
    await listening(id, bo.token, cursor);
    await push(appA, ana.token, [dev.create()]);
    expect((await pull(appB, bo.token, cursor)).changes).toHaveLength(1);
  });
});
