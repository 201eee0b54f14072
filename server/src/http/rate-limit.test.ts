import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { BACKENDS, TEST_DATABASE_URL } from '../../testing/harness';
import { DbRateLimiter } from './db-rate-limit';
import { RateLimiter, type Limit, type Limiter } from './rate-limit';

/** The in-memory buckets (PGlite's one process) and the shared ones in the database, held to the same cases. */
type Make = (limit: Limit, now: () => number) => Limiter;
const kinds: [string, () => Promise<{ make: Make; close?: () => Promise<void> }>][] = [
  ['in memory', async () => ({ make: (limit, now) => new RateLimiter(limit, now) })],
  ...BACKENDS.map((backend): [string, () => Promise<{ make: Make; close: () => Promise<void> }>] => [
    `in ${backend}`,
    async () => {
      let db: Database;
      let drop = async () => {};
      if (backend === 'postgres') {
        const schema = `rl_${randomBytes(6).toString('hex')}`;
        const admin = await openPostgres(TEST_DATABASE_URL, { max: 1 });
        await admin.query(`CREATE SCHEMA ${schema}`);
        await admin.close();
        db = await openPostgres(TEST_DATABASE_URL, { max: 4, searchPath: schema });
        drop = async () => void (await db.query(`DROP SCHEMA ${schema} CASCADE`));
      } else db = await openPglite();
      await migrate(db);
      let n = 0;
      return {
        // A fresh prefix per limiter: the cases do not see each other's buckets.
        make: (limit, now) => new DbRateLimiter(db, `case${++n}`, limit, now),
        close: async () => {
          await drop();
          await db.close();
        },
      };
    },
  ]),
];

describe.each(kinds)('rate limits %s', (_, open) => {
  let make: Make;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => ({ make, close } = await open()), 120_000);
  afterAll(async () => close?.());

  it('allows a burst, then refills at the set rate and says how long to wait', async () => {
    let now = 1_000;
    const limiter = make({ burst: 2, perMinute: 30 }, () => now);
    expect([await limiter.take('a'), await limiter.take('a')]).toEqual([0, 0]);
    expect(await limiter.take('a')).toBe(2);
    expect(await limiter.take('b')).toBe(0);
    now += 2000;
    expect(await limiter.take('a')).toBe(0);
    expect(await limiter.take('a')).toBe(2);
  });

  it('counts a cost of several units; a cost above the burst passes on a full bucket and leaves it in debt', async () => {
    let now = 1_000;
    const limiter = make({ burst: 10, perMinute: 60 }, () => now);
    expect(await limiter.take('a', 6)).toBe(0);
    expect(await limiter.take('a', 6)).toBe(2);
    expect(await limiter.take('b', 25)).toBe(0);
    expect(await limiter.take('b', 1)).toBe(16);
    now += 25_000;
    expect(await limiter.take('b', 10)).toBe(0);
  });

  it('two limiters on one key share the bucket only when they share the store', async () => {
    let now = 1_000;
    const [one, two] = [make({ burst: 3, perMinute: 60 }, () => now), make({ burst: 3, perMinute: 60 }, () => now)];
    for (let i = 0; i < 3; i++) expect(await one.take('m')).toBe(0);
    expect(await one.take('m')).toBe(1);
    // A separate limiter (another prefix or another process's memory) starts full.
    expect(await two.take('m')).toBe(0);
    // A clock that runs behind the last writer refills nothing rather than going negative.
    now -= 10_000;
    expect(await one.take('m')).toBeGreaterThan(0);
  });
});
