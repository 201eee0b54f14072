import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Limits } from '../src/http/env';

const CHILD = fileURLToPath(new URL('./endpoint-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A database of its own on the test cluster, so files and runs never see each other's rows. */
export async function scratchDatabase(clusterUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `scale_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(clusterUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client(clusterUrl);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Endpoint {
  port: number;
  child: ChildProcess;
  /** Resolves when it listens. */
  ready: Promise<void>;
}

/**
 * N real endpoint processes (server/src/index.ts's start-up, one child each) on one PostgreSQL, the way a
 * company runs them behind a load balancer. `request` goes to the process you name or to a random live one;
 * `crash` kills one without warning (requests in flight are cut), `restart` brings it back on its port.
 */
export async function startEndpoints(databaseUrl: string, count: number, limits?: Partial<Limits>) {
  const spawnOne = (port: number): Endpoint => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        SHUTDOWN_GRACE_MS: '2000',
        ...(limits ? { COMMONPLACE_TEST_LIMITS: JSON.stringify(limits) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const ready = new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes(`ready ${port}`)) resolve();
        // The request log is one line per request: keep only a tail.
        if (out.length > 10_000) out = out.slice(-200);
      });
      child.once('exit', (code) =>
        reject(new Error(`endpoint on ${port} exited (${code}) before it was ready:\n${err}`)),
      );
    });
    ready.catch(() => undefined);
    return { port, child, ready };
  };
  const endpoints: Endpoint[] = [];
  for (let i = 0; i < count; i++) endpoints.push(spawnOne(await freePort()));
  await Promise.all(endpoints.map((e) => e.ready));
  const live = new Set(endpoints.map((_, i) => i));

  const pick = (which: number | 'random'): Endpoint => {
    if (which !== 'random') return endpoints[which]!;
    const ids = [...live];
    return endpoints[ids[Math.floor(Math.random() * ids.length)]!]!;
  };
  const stopOne = async (i: number, signal: NodeJS.Signals) => {
    const { child } = endpoints[i]!;
    live.delete(i);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };

  return {
    count,
    ports: () => endpoints.map((e) => e.port),
    /** `which`: a process index, or a random live one (a load balancer that routes at random). */
    fetch(which: number | 'random', path: string, init: RequestInit = {}): Promise<Response> {
      return fetch(`http://127.0.0.1:${pick(which).port}${path}`, init);
    },
    /** SIGKILL: no grace, connections cut, as when a machine dies. */
    crash: (i: number) => stopOne(i, 'SIGKILL'),
    /** Starts process `i` again on its port (after a crash or a stop) and waits until it listens. */
    async restart(i: number) {
      await stopOne(i, 'SIGKILL');
      endpoints[i] = spawnOne(endpoints[i]!.port);
      await endpoints[i]!.ready;
      live.add(i);
    },
    async stopAll() {
      await Promise.all(endpoints.map((_, i) => stopOne(i, 'SIGTERM')));
    },
  };
}
export type Endpoints = Awaited<ReturnType<typeof startEndpoints>>;
