/**
 * Sync end to end on loopback: push N notes (batches of 500), a first sync pulling them all (page 1000 vs the
 * baseline page 100), then an autocannon load of 200 concurrent members pulling (at the head, as steady-state
 * polling, and from the start with page 100), with /healthz as the floor. PGlite always; PostgreSQL too when
 * the throwaway cluster starts (or TEST_DATABASE_URL / DATABASE_URL is set). Last, CPU per poll at the head
 * in-process (bench/sync-cpu.ts), which a loaded machine distorts far less than wall-clock latency.
 * Usage: npm run bench:sync [-- notes=10000 seconds=10 members=200 runs=3 db=pglite|postgres pgPort=55492]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { formatHlc } from '../lib/sync/hlc';
import type { PullResponse, PushResponse } from '../lib/sync/protocol';
import { makeNote } from '../server/testing/notes';
import { cpuPerPoll } from './sync-cpu';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const NOTES = Number(args.notes ?? 10_000);
const SECONDS = Number(args.seconds ?? 10);
const MEMBERS = Number(args.members ?? 200);
const RUNS = Number(args.runs ?? 3);
const BATCH = 500;
/** The throwaway cluster's port when none is given (TEST_DATABASE_URL / DATABASE_URL). */
const CLUSTER_PORT = args.pgPort ?? '55492';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Server {
  base: string;
  tokens: string[];
  stop: () => Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  // BENCH_CPU_PROF=<dir> writes the server's CPU profile there (to see where a request's time goes).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', 'bench/sync-server.ts'], {
    env: { ...process.env, ...env, MEMBERS: String(MEMBERS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const { port, tokens } = JSON.parse(line) as { port: number; tokens: string[] };
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { base: `http://127.0.0.1:${port}`, tokens, stop };
}

async function call<T>(base: string, token: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function pushAll(s: Server): Promise<number> {
  const notes = Array.from({ length: NOTES }, (_, i) =>
    makeNote({
      takeaway: `Takeaway ${i}: ${'small modules, clear names, tests beside the code. '.repeat(3)}`,
      tags: ['bench', `t${i % 50}`],
    }),
  );
  const t0 = performance.now();
  for (let i = 0; i < NOTES; i += BATCH) {
    const mutations = notes.slice(i, i + BATCH).map((note, j) => ({
      clientId: 'bench-author',
      mutationNumber: i + j + 1,
      hlc: formatHlc(Date.now(), 0),
      op: 'create',
      note,
    }));
    const res = await call<PushResponse>(s.base, s.tokens[0]!, '/v1/sync/push', { mutations });
    if (res.results.some((r) => r.status !== 'applied')) throw new Error('push not applied');
  }
  return performance.now() - t0;
}

async function firstSync(s: Server, token: string, limit: number): Promise<{ ms: number; cursor: string }> {
  const t0 = performance.now();
  let cursor: string | undefined;
  let count = 0;
  let page: PullResponse;
  do {
    const qs = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    page = await call<PullResponse>(s.base, token, `/v1/sync/pull?${qs}`);
    count += page.changes.length;
    cursor = page.cursor;
  } while (page.hasMore);
  if (count !== NOTES) throw new Error(`pulled ${count} of ${NOTES}`);
  return { ms: performance.now() - t0, cursor };
}

/** Waits until the server answers promptly again, so one load phase's backlog does not bleed into the next. */
async function settle(s: Server): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    await fetch(`${s.base}/healthz`).then((r) => r.text());
    if (performance.now() - t0 < 200) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function load(s: Server, path: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  await settle(s);
  let next = 0;
  const result = await autocannon({
    url: s.base + path,
    connections: MEMBERS,
    duration: SECONDS,
    timeout: 60,
    // One member per connection: each polls with its own token.
    setupClient: (client) => client.setHeaders({ authorization: `Bearer ${s.tokens[1 + (next++ % MEMBERS)]}` }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function benchOne(db: 'pglite' | 'postgres', env: Record<string, string>) {
  const s = await startServer(env);
  try {
    const pushMs = await pushAll(s);
    const ours: number[] = [];
    const baseline: number[] = [];
    let head = '';
    for (let r = 0; r < RUNS; r++) {
      const big = await firstSync(s, s.tokens[1 + r]!, 1000);
      ours.push(big.ms);
      head = big.cursor;
      baseline.push((await firstSync(s, s.tokens[1 + r]!, 100)).ms);
    }
    const floor = await load(s, '/healthz');
    const atHead = await load(s, `/v1/sync/pull?cursor=${encodeURIComponent(head)}`);
    const page100 = await load(s, '/v1/sync/pull?limit=100');
    const firstSyncMs = median(ours);
    console.log(
      `\n[${db}] ${NOTES} notes, ${MEMBERS} members, median of ${RUNS}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `  push            ${pushMs.toFixed(0)} ms   ${((NOTES / pushMs) * 1000).toFixed(0)} notes/s (batches of ${BATCH})`,
    );
    console.log(
      `  first sync      page 1000: ${firstSyncMs.toFixed(0)} ms (${((NOTES / firstSyncMs) * 1000).toFixed(0)} notes/s)   baseline page 100: ${median(baseline).toFixed(0)} ms`,
    );
    for (const [name, r] of [
      ['pull at head', atHead],
      ['pull page 100', page100],
      ['healthz floor', floor],
    ] as const) {
      console.log(
        `  ${name.padEnd(14)}  ${r.rps.toFixed(0)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}   (${MEMBERS} connections, ${SECONDS} s)`,
      );
    }
    return {
      pullNotesPerS: Math.round((NOTES / firstSyncMs) * 1000),
      pushNotesPerS: Math.round((NOTES / pushMs) * 1000),
      firstSync10kMs: Math.round(firstSyncMs),
      p99Ms200: atHead.p99,
      rps200: Math.round(atHead.rps),
      p99Ms200Page100: page100.p99,
      p99MsHealthz: floor.p99,
      db,
      loadAvg1m: Number(loadavg()[0]!.toFixed(1)),
    };
  } finally {
    await settle(s).catch(() => undefined);
    await s.stop();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
const only = args.db as 'pglite' | 'postgres' | undefined;
const pglite =
  only === 'postgres' ? undefined : await benchOne('pglite', { BENCH_DB: 'pglite', DATA_DIR: join(dataDir, 'pgdata') });
rmSync(dataDir, { recursive: true, force: true });

let postgres;
let url = only === 'pglite' ? '' : process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';
let startedCluster = false;
if (!url && only !== 'pglite') {
  try {
    url = execFileSync('scripts/pg-test-cluster.sh', ['start', CLUSTER_PORT], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    startedCluster = true;
  } catch {
    console.log('\n[postgres] skipped: no cluster (scripts/pg-test-cluster.sh start failed)');
  }
}
if (url) {
  try {
    postgres = await benchOne('postgres', { BENCH_DB: 'postgres', DATABASE_URL: url });
  } finally {
    if (startedCluster) execFileSync('scripts/pg-test-cluster.sh', ['stop', CLUSTER_PORT]);
  }
}
const cpu = await cpuPerPoll();
console.log(
  `\n[cpu] poll at the head, CPU per request in-process: ours (PGlite memos) ${cpu.oursUs} µs   baseline (ask the database) ${cpu.baselineUs} µs`,
);
console.log(
  JSON.stringify({
    bench: 'sync',
    ...(pglite ?? {}),
    cpuUsPerPollAtHead: cpu.oursUs,
    cpuUsPerPollAtHeadBaseline: cpu.baselineUs,
    ...(postgres ? { postgres } : {}),
  }),
);
