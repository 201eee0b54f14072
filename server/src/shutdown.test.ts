import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../testing/harness';
import { openPostgres } from './db/postgres';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

interface Running {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** `npm run server` as an operator runs it: a real process, its own port, PGlite in DATA_DIR or DATABASE_URL. */
async function startProcess(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = () => (out.includes('Commonplace endpoint on') ? resolve() : undefined);
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${out}\n${err}`)));
  });
  return { child, port, stdout: () => out, exited };
}

/** Resolves with the raw HTTP response once the server has answered and closed or the socket ends. */
function readResponse(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString();
      if (/\r\n\r\n[\s\S]*\}$/.test(text)) resolve(text);
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

const backends = [
  { name: 'PGlite', enabled: true },
  { name: 'PostgreSQL', enabled: Boolean(TEST_DATABASE_URL) },
];

describe.each(backends)('graceful shutdown on SIGTERM ($name)', ({ name, enabled }) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it.runIf(enabled)(
    'stops accepting, finishes the request in flight, closes the database and exits 0',
    async () => {
      const env: Record<string, string> = {};
      const dataDir = mkdtempSync(join(tmpdir(), 'commonplace-shutdown-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      env.DATA_DIR = dataDir;
      if (name === 'PostgreSQL') {
        const db = `shutdown_${randomBytes(5).toString('hex')}`;
        const admin = await openPostgres(TEST_DATABASE_URL, { max: 1 });
        await admin.query(`CREATE DATABASE ${db}`);
        cleanups.push(async () => {
          await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
          await admin.close();
        });
        const url = new URL(TEST_DATABASE_URL);
        url.pathname = `/${db}`;
        env.DATABASE_URL = url.href;
      }
      const server = await startProcess(env);
      cleanups.push(() => void (server.child.exitCode === null && server.child.kill('SIGKILL')));

      // A join whose body is half sent: the request is in flight when the signal comes.
      const body = JSON.stringify({ code: 'not-a-real-invite-code-0000', displayName: 'Late' });
      const socket = connect(server.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const response = readResponse(socket);
      socket.write(
        `POST /v1/join HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
      );
      // Another request answered after ours was sent means the server has read our headers by now.
      expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);

      server.child.kill('SIGTERM');
      let refused = false;
      for (let i = 0; i < 200 && !refused; i++) {
        refused = !(await canConnect(server.port));
        if (!refused) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(refused).toBe(true);
      expect(server.child.exitCode).toBe(null); // still finishing ours

      socket.write(body.slice(10));
      const raw = await response;
      expect(raw).toMatch(/^HTTP\/1\.1 403 /);
      expect(raw).toContain('"code":"invite_invalid"');

      expect(await server.exited).toBe(0);
      expect(server.stdout()).toContain('SIGTERM: closing');
      expect(server.stdout()).toMatch(/"method":"POST","route":"\/v1\/join","status":403/);
      expect(server.stdout().trimEnd().endsWith('closed')).toBe(true);
      // PGlite released its data directory's lock: the next process may open it.
      if (name === 'PGlite') expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
    },
    240_000,
  );
});
