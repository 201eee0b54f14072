/**
 * The server side of `npm run bench:sync`, in its own process so load generation does not share its event
 * loop: opens the database named by BENCH_DB (pglite in DATA_DIR, or postgres at DATABASE_URL in a fresh
 * schema), seeds one author and MEMBERS readers, serves on a free loopback port, and prints one JSON line.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApp } from '../server/src/app';
import { createCommunity } from '../server/src/bootstrap';
import { issueToken } from '../server/src/db/join';
import { migrate } from '../server/src/db/migrate';
import { openPglite } from '../server/src/db/pglite';
import { openPostgres } from '../server/src/db/postgres';
import { loadCursorKey } from '../server/src/db/server-meta';

const members = Number(process.env.MEMBERS ?? 200);
const schema = `bench_${randomBytes(4).toString('hex')}`;
let db;
if (process.env.BENCH_DB === 'postgres') {
  const admin = await openPostgres(process.env.DATABASE_URL!, { max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  db = await openPostgres(process.env.DATABASE_URL!, { max: 20, searchPath: schema });
} else {
  db = await openPglite(process.env.DATA_DIR);
}
await migrate(db);
const now = Date.now();
const communityId = await createCommunity(db, 'Bench', now);
const tokens: string[] = [];
for (let i = 0; i <= members; i++) {
  const id = randomUUID();
  await db.query('INSERT INTO members (id, community_id, display_name, role, joined_at) VALUES ($1, $2, $3, $4, $5)', [
    id,
    communityId,
    `Member ${i}`,
    'member',
    now,
  ]);
  tokens.push((await issueToken(db, id, now)).token);
}
// Rate limits off: every simulated member calls from 127.0.0.1.
const roomy = { burst: 1e9, perMinute: 1e9 };
const app = createApp({
  db,
  cursorKey: await loadCursorKey(db),
  limits: { perIp: roomy, perMember: roomy, writesPerMember: roomy, joinPerIp: roomy },
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port, tokens }));
});
const stop = () => {
  // Let requests still in flight finish before the schema goes.
  server.close(async () => {
    if (process.env.BENCH_DB === 'postgres') await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.close();
    process.exit(0);
  });
  if ('closeIdleConnections' in server) server.closeIdleConnections();
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
