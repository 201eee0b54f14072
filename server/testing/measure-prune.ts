/**
 * The figures in server/README.md ("Push batches are pruned"): one community with 100,000 push batches seeded in
 * SQL, compacted through its head; the table's rows and size before, after, after VACUUM, and after 100,000 new
 * pushes. `npx tsx server/testing/measure-prune.ts postgres` (TEST_DATABASE_URL: a cluster, e.g. from
 * scripts/pg-test-cluster.sh) or `... pglite`; FULL_AFTER_PRUNE=1 also rewrites the file right after the prune.
 */
import { compactThrough } from '../src/sync/compact';
import { migrate } from '../src/db/migrate';
import { openPostgres } from '../src/db/postgres';
import { openPglite } from '../src/db/pglite';
import { scratchDatabase } from './processes';

const PUSHES = 100_000;
const backend = process.argv[2] ?? 'postgres';
const scratch = backend === 'postgres' ? await scratchDatabase(process.env.TEST_DATABASE_URL!) : undefined;
const db = scratch ? await openPostgres(scratch.url, { max: 2 }) : await openPglite();
await migrate(db);
const id = '00000000-0000-4000-8000-000000000001';
await db.query(`INSERT INTO communities (id, name, epoch, last_version, created_at) VALUES ($1, 'c', 'e', $2, 0)`, [
  id,
  PUSHES,
]);
// One batch per push, tokens as the endpoint mints them: '<generation>.<random>' (12 + 1 + 12 characters).
await db.query(
  `INSERT INTO version_batches (community_id, last_version, token)
   SELECT $1, v, 'gen' || lpad((v / 5000)::text, 9, '0') || '.' || substr(md5(v::text), 1, 12) FROM generate_series(1, $2::int) v`,
  [id, PUSHES],
);
await db.query(
  `INSERT INTO history_generations (community_id, from_version, generation)
   SELECT $1, g * 5000 + 1, 'gen' || lpad(g::text, 9, '0') FROM generate_series(0, $2::int / 5000 - 1) g`,
  [id, PUSHES],
);
await db.query('VACUUM ANALYZE version_batches');
const size = async () => {
  const { rows } = await db.query<{ n: number; bytes: string; heap: string }>(
    `SELECT (SELECT count(*)::int FROM version_batches) AS n, pg_total_relation_size('version_batches')::text AS bytes,
            pg_relation_size('version_batches')::text AS heap`,
  );
  const mb = (b: string) => Math.round((Number(b) / 1048576) * 100) / 100;
  return { rows: rows[0]!.n, mb: mb(rows[0]!.bytes), heapMb: mb(rows[0]!.heap) };
};
const before = await size();
const t = performance.now();
const done = await compactThrough(db, id, PUSHES);
const ms = Math.round(performance.now() - t);
const pruned = await size();
await db.query('VACUUM version_batches');
const vacuumed = await size();
if (process.env.FULL_AFTER_PRUNE) {
  // What the prune leaves once the file is rewritten (VACUUM FULL locks the table: not for a live server).
  await db.query('VACUUM FULL version_batches');
  console.log(JSON.stringify({ vacuumFullAfterPrune: await size() }));
}
// New pushes after the prune reuse the freed pages (plain VACUUM, no lock): the file does not grow.
await db.query(
  `INSERT INTO version_batches (community_id, last_version, token)
   SELECT $1, v, 'gen000000099.' || substr(md5(v::text), 1, 12) FROM generate_series($2::int + 1, $2::int + 50000) v`,
  [id, PUSHES],
);
const refilled = await size();
await db.query('VACUUM version_batches');
await db.query(
  `INSERT INTO version_batches (community_id, last_version, token)
   SELECT $1, v, 'gen000000099.' || substr(md5(v::text), 1, 12) FROM generate_series($2::int + 50001, $2::int + 100000) v`,
  [id, PUSHES],
);
const refilled2 = await size();
await db.query('VACUUM FULL version_batches');
const full = await size();
console.log(
  JSON.stringify({
    backend,
    pushes: PUSHES,
    before,
    done,
    pruneMs: ms,
    pruned,
    vacuumed,
    refilledWith50k: refilled,
    then50kMore: refilled2,
    vacuumFull: full,
  }),
);
await db.close();
await scratch?.drop();
