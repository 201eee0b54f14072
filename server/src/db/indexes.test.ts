import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../../testing/harness';
import { scratchDatabase } from '../../testing/processes';
import { COMPANY, seedScale } from '../../testing/seed-scale';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPostgres } from './postgres';

/**
 * Issue 19: the hot queries use their indexes on a company-sized table (1M notes, 5,000 members, 50
 * communities; SCALE_INDEX_NOTES makes it smaller), proven by the planner's own EXPLAIN on PostgreSQL 15.
 * The SQL below is the endpoint's, with the seeded ids for parameters.
 */
const NOTES = Number(process.env.SCALE_INDEX_NOTES ?? COMPANY.notes);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

(TEST_DATABASE_URL ? describe : describe.skip)(`indexes on ${NOTES} seeded notes (PostgreSQL)`, () => {
  let db: Database;
  let drop: () => Promise<void>;
  const C = "md5('c1')::uuid";
  beforeAll(async () => {
    const scratch = await scratchDatabase(TEST_DATABASE_URL);
    drop = scratch.drop;
    db = await openPostgres(scratch.url, { max: 2 });
    await migrate(db);
    await seedScale(db, { ...COMPANY, notes: NOTES });
  }, 600_000);
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  const plan = async (sql: string) => {
    const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`);
    return nodes(rows[0]!['QUERY PLAN'][0].Plan);
  };
  const expectIndexed = async (sql: string, index: string) => {
    const all = await plan(sql);
    expect(all.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toEqual([]);
    expect(all.map((n) => n['Index Name']).filter(Boolean)).toContain(index);
  };

  it('a pull page: next versions of one community by (community, version)', async () => {
    await expectIndexed(
      `SELECT version, body_bytes FROM notes WHERE community_id = ${C} AND version > 500000 ORDER BY version LIMIT 501`,
      'notes_community_version',
    );
  });

  it('the batch token of a version, and of the head', async () => {
    await expectIndexed(
      `SELECT token FROM version_batches WHERE community_id = ${C} AND last_version >= 4321 ORDER BY last_version LIMIT 1`,
      'version_batches_pkey',
    );
  });

  // Compaction prunes a community's batches below its fence oldest first, 1,000 per transaction (sync/compact.ts).
  it('pruning the push batches below the fence: a range of the primary key, never a scan', async () => {
    await expectIndexed(
      `SELECT last_version FROM version_batches WHERE community_id = ${C} AND last_version < 900000
        ORDER BY last_version LIMIT 1000`,
      'version_batches_pkey',
    );
    await expectIndexed(
      `WITH gone AS (DELETE FROM version_batches WHERE community_id = ${C} AND last_version IN (
         SELECT last_version FROM version_batches WHERE community_id = ${C} AND last_version < 900000
          ORDER BY last_version LIMIT 1000) RETURNING 1)
       SELECT 1 FROM gone`,
      'version_batches_pkey',
    );
  });

  it('the history generation of a version below the fence (sync/batches.ts)', async () => {
    // A generation per process start and community written to: seed a busy server's worth (200 per community).
    await db.query(
      `INSERT INTO history_generations (community_id, from_version, generation)
       SELECT c.id, g * 5000 + 1, md5(c.id::text || g) FROM communities c, generate_series(0, 199) g
       ON CONFLICT DO NOTHING`,
    );
    await db.query('ANALYZE history_generations');
    await expectIndexed(
      `SELECT g.generation FROM history_generations g WHERE g.community_id = ${C} AND g.from_version <= 4321
        ORDER BY g.from_version DESC LIMIT 1`,
      'history_generations_pkey',
    );
  });

  it('a member’s quota: their live notes only', async () => {
    await expectIndexed(
      `SELECT count(*), sum(body_bytes) FROM notes WHERE author_id = md5('m7')::uuid AND body IS NOT NULL`,
      'notes_author_live',
    );
  });

  it('a token to its member, on every request', async () => {
    await expectIndexed(
      `SELECT m.id FROM tokens t JOIN members m ON m.id = t.member_id
        WHERE t.hash = encode(sha256('seeded-member-token-7'::bytea), 'hex') AND t.revoked_at IS NULL AND m.removed_at IS NULL`,
      'tokens_hash_key',
    );
  });

  it('seeded what it says', async () => {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notes');
    expect(rows[0]!.n).toBe(NOTES);
  });
});
