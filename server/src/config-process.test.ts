import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `npm run server` as an operator runs it, with `env` added; resolves when it listens or exits. */
async function run(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cp-config-'));
  dirs.push(dir);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    env: { ...process.env, DATABASE_URL: '', ...env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<void>((resolve) =>
    child.stdout!.on('data', () => (out.includes('Commonplace endpoint on') ? resolve() : undefined)),
  );
  const first = await Promise.race([exited.then((code) => ({ code })), listening.then(() => 'listening' as const)]);
  return { first, dataDir, port, out: () => out, err: () => err, child, exited };
}

describe('limits from the environment, in a real process', () => {
  it('a bad value: one line naming the variable, exit code 1, nothing started or created', async () => {
    const p = await run({ RATE_MEMBER_BURST: 'lots' });
    expect(p.first).toEqual({ code: 1 });
    expect(p.err().trim()).toBe(
      'Could not start: RATE_MEMBER_BURST must be a whole number written in digits, got "lots"',
    );
    expect(p.out()).toBe('');
    expect(existsSync(p.dataDir)).toBe(false);
  }, 60_000);

  it('a good value reaches the running endpoint: RATE_JOIN_IP_BURST=1 answers the second join 429', async () => {
    const p = await run({ RATE_JOIN_IP_BURST: '1', RATE_JOIN_IP_PER_MINUTE: '1' });
    try {
      expect(p.first).toBe('listening');
      const join = () =>
        fetch(`http://127.0.0.1:${p.port}/v1/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'not-a-real-code', displayName: 'Ada' }),
        });
      expect((await join()).status).not.toBe(429);
      const second = await join();
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('60');
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
    }
  }, 120_000);
});
