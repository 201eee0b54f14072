/**
 * CPU per request, in-process (app.request, no sockets): robust to a loaded machine, unlike wall-clock
 * latency. Compares the poll at the head with the PGlite memos (ours) and without them (baseline: the app as
 * it runs on a shared PostgreSQL, where it must ask the database every time), on the same data.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createApp } from '../server/src/app';
import { createCommunity } from '../server/src/bootstrap';
import type { Database } from '../server/src/db/database';
import { issueToken } from '../server/src/db/join';
import { migrate } from '../server/src/db/migrate';
import { openPglite } from '../server/src/db/pglite';
import { client, makeNote } from '../server/testing/notes';

const roomy = { burst: 1e9, perMinute: 1e9 };

/** Median CPU microseconds per request for `n` sequential at-head polls, with and without the memos. */
export async function cpuPerPoll(n = 2000): Promise<{ oursUs: number; baselineUs: number }> {
  const db = await openPglite();
  await migrate(db);
  const communityId = await createCommunity(db, 'Bench', Date.now());
  const memberId = randomUUID();
  await db.query('INSERT INTO members (id, community_id, display_name, role, joined_at) VALUES ($1, $2, $3, $4, $5)', [
    memberId,
    communityId,
    'M',
    'member',
    0,
  ]);
  const { token } = await issueToken(db, memberId, 0);
  const cursorKey = randomBytes(32);
  // As on a shared PostgreSQL whose NOTIFY channel is down: no memo is trusted, every poll asks the database.
  const asShared: Database = {
    ...db,
    kind: 'postgres',
    subscribe: () => ({ fence: async () => false, close: () => {} }),
  };
  const apps = {
    ours: createApp({
      db,
      cursorKey,
      limits: { perIp: roomy, perMember: roomy, writesPerMember: roomy, joinPerIp: roomy },
    }),
    baseline: createApp({
      db: asShared,
      cursorKey,
      limits: { perIp: roomy, perMember: roomy, writesPerMember: roomy, joinPerIp: roomy },
    }),
  };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  // What @hono/node-server passes: the socket, for the per-IP limit.
  const env = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
  const dev = client();
  const body = JSON.stringify({ mutations: Array.from({ length: 50 }, () => dev.create(makeNote())) });
  await apps.ours.request('/v1/sync/push', { method: 'POST', headers, body }, env);
  const out = { oursUs: 0, baselineUs: 0 };
  for (const [name, app] of Object.entries(apps)) {
    let path = '/v1/sync/pull';
    for (let page = 0; page < 100; page++) {
      const res = (await (await app.request(path, { headers }, env)).json()) as { cursor: string; hasMore: boolean };
      path = `/v1/sync/pull?cursor=${encodeURIComponent(res.cursor)}`;
      if (!res.hasMore) break;
    }
    const check = await app.request(path, { headers }, env);
    if (check.status !== 200) throw new Error(`poll at the head: ${check.status} ${await check.text()}`);
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      const t0 = process.cpuUsage();
      for (let i = 0; i < n / 5; i++) await (await app.request(path, { headers }, env)).text();
      const used = process.cpuUsage(t0);
      samples.push((used.user + used.system) / (n / 5));
    }
    samples.sort((a, b) => a - b);
    out[name === 'ours' ? 'oursUs' : 'baselineUs'] = Math.round(samples[2]!);
  }
  await db.close();
  return out;
}
