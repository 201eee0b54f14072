/**
 * `npm run bench:scale` (issue 19): a company on one PostgreSQL, seeded in SQL (server/testing/seed-scale.ts):
 * SCALE_NOTES notes (default 1,000,000), 5,000 members, 50 communities. Then, with 1, 2 and 4 real endpoint
 * processes (server/testing/processes.ts): push and pull throughput, writers and readers spread over the
 * processes round-robin (scaling factor against 1 process in the same run); the first sync of one community
 * (1/50 of the notes: 20k at the default); and on one process, under autocannon, the p99 of polls at the head
 * by 200 and 1,000 concurrent members beside the p99 of `/healthz` (the floor: a handler that asks the
 * database `SELECT 1`). Database size per 100k notes. Medians of SCALE_RUNS. Last line: one JSON object.
 * Uses DATABASE_URL when set, else a throwaway cluster (scripts/pg-test-cluster.sh) on SCALE_PG_PORT.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { client, makeNote } from '../server/testing/notes';
import { scratchDatabase, startEndpoints, type Endpoints } from '../server/testing/processes';
import { COMPANY, seedScale } from '../server/testing/seed-scale';
import { encodeCursor } from '../server/src/sync/cursor';
import { openPostgres } from '../server/src/db/postgres';
import { migrate } from '../server/src/db/migrate';
import { loadCursorKey } from '../server/src/db/server-meta';

const NOTES = Number(process.env.SCALE_NOTES ?? COMPANY.notes);
const RUNS = Number(process.env.SCALE_RUNS ?? 3);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 10);
const PORT = process.env.SCALE_PG_PORT ?? '55612';
const shape = { ...COMPANY, notes: NOTES };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ROOMY = { burst: 1e9, perMinute: 1e9 };
const LIMITS = { perIp: ROOMY, perMember: ROOMY, writesPerMember: ROOMY, joinPerIp: ROOMY };
/** Member j belongs to community (j % 50) + 1; its token's secret is seeded. */
const tokenOf = (j: number) => `seeded-member-token-${j}`;

let url = process.env.DATABASE_URL;
let startedCluster = false;
if (!url) {
  url = execFileSync('sh', ['scripts/pg-test-cluster.sh', 'start', PORT], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  startedCluster = true;
}
const scratch = await scratchDatabase(url);
const db = await openPostgres(scratch.url, { max: 4 });
try {
  await migrate(db);
  const size = async () =>
    Number((await db.query<{ b: string }>('SELECT pg_database_size(current_database())::text AS b')).rows[0]!.b);
  const empty = await size();
  const t0 = performance.now();
  await seedScale(db, shape);
  const seedMs = performance.now() - t0;
  const mbPer100k = (((await size()) - empty) / NOTES / 1024 / 1024) * 100_000;
  console.log(
    `[seed] ${NOTES} notes, ${shape.members} members, ${shape.communities} communities in ${(seedMs / 1000).toFixed(1)} s; ${mbPer100k.toFixed(1)} MB per 100k notes; load average ${loadavg()[0]!.toFixed(2)}`,
  );
  const key = await loadCursorKey(db);

  const call = (eps: Endpoints, via: number, token: string, path: string, body?: unknown) =>
    eps.fetch(via, path, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });

  /** Writers in distinct communities (a community's pushes are serial by design), 100 notes a push. */
  const pushRate = async (eps: Endpoints, n: number) => {
    const writers = Array.from({ length: 8 }, (_, w) => 1000 + w);
    const t = performance.now();
    await Promise.all(
      writers.map(async (j, w) => {
        const dev = client();
        for (let round = 0; round < 5; round++) {
          const res = await call(eps, (w + round) % n, tokenOf(j), '/v1/sync/push', {
            mutations: Array.from({ length: 100 }, () => dev.create(makeNote())),
          });
          if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
          await res.arrayBuffer();
        }
      }),
    );
    return (writers.length * 500 * 1000) / (performance.now() - t);
  };

  /** Readers of distinct communities, each pulling 5 pages of 1,000 from the start. */
  const pullRate = async (eps: Endpoints, n: number) => {
    const readers = Array.from({ length: 8 }, (_, r) => 2000 + r);
    let notes = 0;
    const t = performance.now();
    await Promise.all(
      readers.map(async (j, r) => {
        let cursor: string | undefined;
        for (let page = 0; page < 5; page++) {
          const qs = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
          const res = await call(eps, (r + page) % n, tokenOf(j), `/v1/sync/pull?${qs}`);
          const body = (await res.json()) as { cursor: string; changes: unknown[]; hasMore: boolean };
          notes += body.changes.length;
          cursor = body.cursor;
          if (!body.hasMore) break;
        }
      }),
    );
    return (notes * 1000) / (performance.now() - t);
  };

  /** A member of community 1 pulls all of it, pages of 1,000, as a new device would. */
  const firstSync = async (eps: Endpoints) => {
    const t = performance.now();
    let cursor: string | undefined;
    let notes = 0;
    for (;;) {
      const qs = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
      const res = await call(eps, 0, tokenOf(50), `/v1/sync/pull?${qs}`);
      const body = (await res.json()) as { cursor: string; changes: unknown[]; hasMore: boolean };
      notes += body.changes.length;
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    return { ms: performance.now() - t, notes };
  };

  /** autocannon on process 0: `connections` members, each polling at its community's head with its token. */
  const load = async (eps: Endpoints, connections: number, path: 'poll' | 'healthz') => {
    const { rows } = await db.query<{ id: string; epoch: string; last_version: number; token: string }>(
      `SELECT c.id, c.epoch, c.last_version, (SELECT b.token FROM version_batches b WHERE b.community_id = c.id
          AND b.last_version >= c.last_version ORDER BY b.last_version LIMIT 1) AS token FROM communities c`,
    );
    const heads = new Map(rows.map((r) => [r.id, r]));
    const { rows: members } = await db.query<{ j: number; community_id: string }>(
      `SELECT j, md5('c' || (j % ${shape.communities} + 1))::uuid AS community_id FROM generate_series(1, $1::int) j`,
      [connections],
    );
    let next = 0;
    const [port] = eps.ports();
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/healthz`,
      connections,
      duration: SECONDS,
      timeout: 60,
      setupClient: (c) => {
        const m = members[next++ % members.length]!;
        const h = heads.get(m.community_id)!;
        const cursor = encodeCursor(key, {
          communityId: h.id,
          epoch: h.epoch,
          version: h.last_version,
          token: h.token,
          fence: 0,
        });
        c.setHeaders({ authorization: `Bearer ${tokenOf(m.j)}` });
        if (path === 'poll') c.setRequest({ method: 'GET', path: `/v1/sync/pull?cursor=${cursor}` });
      },
    });
    return { p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
  };

  const processes: Record<string, { pushNotesPerS: number; pullNotesPerS: number }> = {};
  let firstSync20kMs = 0;
  let p99 = { p200: 0, p1000: 0, healthz: 0 };
  for (const n of [1, 2, 4]) {
    const eps = await startEndpoints(scratch.url, n, LIMITS);
    try {
      const push: number[] = [];
      const pulls: number[] = [];
      // Untimed: fresh processes and a freshly seeded table start cold (caches, plans), which is not scale.
      await pushRate(eps, n);
      await pullRate(eps, n);
      for (let r = 0; r < RUNS; r++) {
        push.push(await pushRate(eps, n));
        pulls.push(await pullRate(eps, n));
      }
      processes[n] = { pushNotesPerS: Math.round(median(push)), pullNotesPerS: Math.round(median(pulls)) };
      console.log(
        `[${n} process${n > 1 ? 'es' : ''}] push ${processes[n]!.pushNotesPerS} notes/s   pull ${processes[n]!.pullNotesPerS} notes/s` +
          (n > 1
            ? `   (×${(processes[n]!.pushNotesPerS / processes[1]!.pushNotesPerS).toFixed(2)} push, ×${(processes[n]!.pullNotesPerS / processes[1]!.pullNotesPerS).toFixed(2)} pull vs 1)`
            : ''),
      );
      if (n === 1) {
        const syncs = [];
        for (let r = 0; r < RUNS; r++) syncs.push(await firstSync(eps));
        firstSync20kMs = Math.round(median(syncs.map((s) => s.ms)));
        console.log(
          `[first sync] ${syncs[0]!.notes} notes of one community in ${firstSync20kMs} ms (median of ${RUNS})`,
        );
        const floor = await load(eps, 200, 'healthz');
        const at200 = await load(eps, 200, 'poll');
        const at1000 = await load(eps, 1000, 'poll');
        p99 = { p200: at200.p99, p1000: at1000.p99, healthz: floor.p99 };
        for (const [name, r] of [
          ['healthz floor (200)', floor],
          ['poll at head, 200', at200],
          ['poll at head, 1000', at1000],
        ] as const) {
          console.log(
            `  ${name.padEnd(20)} ${r.rps.toFixed(0)} req/s  p99 ${r.p99} ms  errors ${r.errors}  (${SECONDS} s)`,
          );
        }
      }
    } finally {
      await eps.stopAll();
    }
  }
  console.log(
    JSON.stringify({
      bench: 'scale',
      notes: NOTES,
      processes,
      firstSync20kMs,
      p99Ms200: p99.p200,
      p99Ms1000: p99.p1000,
      p99MsHealthz: p99.healthz,
      mbPer100k: Number(mbPer100k.toFixed(1)),
    }),
  );
} finally {
  await db.close();
  await scratch.drop();
  if (startedCluster) execFileSync('sh', ['scripts/pg-test-cluster.sh', 'stop', PORT]);
}
