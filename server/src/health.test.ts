import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../testing/harness';
import { createApp } from './app';
import type { Database } from './db/database';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';

const cursorKey = randomBytes(32);
const healthz = (db: Database) => createApp({ db, cursorKey }).request('/healthz');

async function expectHealthy(db: Database) {
  const res = await healthz(db);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, protocol: 1, database: 'ok' });
}

async function expectUnavailable(db: Database) {
  const res = await healthz(db);
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  expect(await res.json()).toEqual({ error: { code: 'unavailable', message: 'Database unavailable' } });
}

describe('/healthz', () => {
  it('on PGlite: 200 while the database answers, 503 once it is closed', async () => {
    const db = await openPglite();
    await expectHealthy(db);
    await db.close();
    await expectUnavailable(db);
  }, 180_000);

  it.runIf(TEST_DATABASE_URL)(
    'on PostgreSQL: 503 while the server refuses its database, 200 again once it is back',
    async () => {
      const name = `health_${randomBytes(5).toString('hex')}`;
      const admin = await openPostgres(TEST_DATABASE_URL, { max: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      const db = await openPostgres(url.href, { max: 2 });
      try {
        await expectHealthy(db);
        // The database goes away under the pool: no new connections, and the open ones are cut.
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        await expectUnavailable(db);
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await expectHealthy(db);
      } finally {
        await db.close();
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.close();
      }
    },
  );
});
