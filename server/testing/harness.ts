import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { JoinResponse, Role } from '../../lib/sync/protocol';
import { createApp } from '../src/app';
import { createCommunity } from '../src/bootstrap';
import type { Database } from '../src/db/database';
import { createInvite } from '../src/db/invites';
import { APP_TABLES, migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import { DEFAULT_LIMITS } from '../src/app';
import type { Limits } from '../src/http/env';
import type { LogSink } from '../src/http/request-log';
import type { SmtpSettings } from '../src/rituals/email';

export type Backend = 'pglite' | 'postgres';

/**
 * Where the API tests run: always PGlite; also a real PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is
 * set, e.g. from `scripts/pg-test-cluster.sh start`.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
export const BACKENDS: Backend[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const ROOMY: Limits = {
  ...DEFAULT_LIMITS,
  perMember: { burst: 100_000, perMinute: 100_000 },
  writesPerMember: { burst: 100_000, perMinute: 100_000 },
  perIp: { burst: 100_000, perMinute: 100_000 },
  joinPerIp: { burst: 100_000, perMinute: 100_000 },
};

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (wins over `body`). */
  raw?: BodyInit;
  headers?: Record<string, string>;
  ip?: string;
}

/**
 * One database per test file (PGlite start-up is slow), emptied before each test; a fresh app per test (fresh
 * limiters) unless `limits` are given. Postgres files each get their own schema, so files run in parallel.
 */
export function useTestServer(
  backend: Backend,
  /** `smtp` is read at each (re)start, so a test may point it at an SMTP server it starts in beforeAll. */
  options: { limits?: Partial<Limits>; log?: LogSink; smtp?: () => SmtpSettings | undefined } = {},
) {
  const clock = { now: Date.UTC(2026, 0, 15, 12) };
  let db!: Database;
  let schema: string | undefined;
  let app!: ReturnType<typeof createApp>;
  const cursorKey = randomBytes(32);

  beforeAll(async () => {
    if (backend === 'postgres') {
      schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = await openPostgres(TEST_DATABASE_URL, { max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.close();
      db = await openPostgres(TEST_DATABASE_URL, { max: 20, searchPath: schema });
    } else {
      db = await openPglite();
    }
    await migrate(db);
  }, 180_000);
  afterAll(async () => {
    if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db?.close();
  });
  beforeEach(async () => {
    await db.query(`TRUNCATE ${APP_TABLES.join(', ')}, rate_buckets CASCADE`);
    clock.now = Date.UTC(2026, 0, 15, 12);
    restart();
  });
  /** A fresh app on the same data, as after a process restart (in-process memos are gone). */
  const restart = () => {
    app = createApp({
      db,
      cursorKey,
      now: () => clock.now,
      limits: { ...ROOMY, ...options.limits },
      log: options.log,
      smtp: options.smtp?.(),
    });
  };

  const request = async (method: string, path: string, o: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: BodyInit | undefined = o.raw;
    if (body === undefined && o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const env = { incoming: { socket: { remoteAddress: o.ip ?? '192.0.2.1' } } };
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = 'half';
    const res = await app.request(path, init, env);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: res.headers, json: json as any, text };
  };

  /** A community with an admin, ready to invite. */
  const community = async (name = 'Test community') => {
    const id = await createCommunity(db, name, clock.now);
    const member = async (displayName: string, role: Role = 'member') => {
      const { code } = await createInvite(db, {
        communityId: id,
        role,
        maxUses: 1,
        expiresAt: clock.now + 3_600_000,
        createdBy: null,
        at: clock.now,
      });
      const res = await request('POST', '/v1/join', { body: { code, displayName } });
      if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
      return res.json as JoinResponse;
    };
    return { id, member, admin: await member('Admin', 'admin') };
  };

  /** Every app table's rows, to prove a refused request changed nothing. */
  const snapshot = async (): Promise<string> => {
    const parts: string[] = [];
    for (const table of APP_TABLES) {
      const { rows } = await db.query<{ r: string }>(`SELECT to_jsonb(t)::text AS r FROM ${table} t`);
      parts.push(
        `${table}:${rows
          .map((x) => x.r)
          .sort()
          .join('\n')}`,
      );
    }
    return parts.join('\n---\n');
  };

  /** Copies every app table aside: `restoreBackup` brings them back, like restoring last night's dump. */
  const backup = async () => {
    for (const table of APP_TABLES) {
      await db.query(`DROP TABLE IF EXISTS backup_${table}`);
      await db.query(`CREATE TABLE backup_${table} AS SELECT * FROM ${table}`);
    }
  };
  /**
   * A restore happens with the server stopped (PGlite locks its directory): the app restarts. `isRunning`: the
   * backup is put back under the running app (a shared PostgreSQL restored in place), which then keeps its memory.
   */
  const restoreBackup = async (o: { isRunning?: boolean } = {}) => {
    await db.query(`TRUNCATE ${APP_TABLES.join(', ')} CASCADE`);
    for (const table of [...APP_TABLES].reverse()) await db.query(`INSERT INTO ${table} SELECT * FROM backup_${table}`);
    if (!o.isRunning) restart();
  };

  return {
    clock,
    request,
    community,
    snapshot,
    backup,
    restoreBackup,
    restart,
    /** The key this server signs cursors with: to make a cursor of an older format, as a client may still hold. */
    cursorKey,
    get db() {
      return db;
    },
    get app() {
      return app;
    },
  };
}
