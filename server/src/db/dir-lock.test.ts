import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './dir-lock';

const CHILD = resolve(import.meta.dirname, '../../testing/lock-child.ts');

/** Runs lock-child.ts in its own Node process; resolves with what it printed and its pid. */
function child(dir: string, startAt: number, mode: string, deadPid = ''): Promise<{ out: string; pid: number }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(startAt), mode, deadPid], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', fail);
    p.on('exit', () => done({ out: out.trim(), pid: p.pid! }));
  });
}

/** A pid that surely names no live process: one of ours that has exited. */
const deadPid = async () => (await child(mkdtempSync(join(tmpdir(), 'lock-')), 0, 'exit-early')).pid;

describe('lockDataDir', () => {
  it('refuses a second opener while held, and frees the directory on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(/in use by process/);
    release();
    expect(existsSync(join(dir, 'server.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'server.lock'), '2147483646');
    const release = lockDataDir(dir);
    release();
  });

  it(
    'is held by one process at a time while three contend, breaking stale locks as they go (issue 15 item 4)',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lock-'));
      const dead = String(await deadPid());
      // Node and tsx take a while to start: every child waits for the same moment, then contends for 3 s.
      const startAt = Date.now() + 4000;
      const outs = await Promise.all([0, 1, 2].map(() => child(dir, startAt, 'stress', dead)));
      const lines = readFileSync(join(dir, 'held.log'), 'utf8').trim().split('\n');
      // Held by one at a time: the log alternates `in P` and `out P` of the same process, never two `in`s.
      const overlaps: string[] = [];
      let inside: string | null = null;
      for (const [i, line] of lines.entries()) {
        const [what, pid] = line.split(' ') as ['in' | 'out', string];
        if (what === 'in' && inside !== null) overlaps.push(`line ${i}: ${pid} entered while ${inside} held it`);
        if (what === 'out' && inside !== pid)
          overlaps.push(`line ${i}: ${pid} left while ${inside ?? 'nobody'} held it`);
        inside = what === 'in' ? pid : null;
      }
      const holders = new Set(lines.filter((l) => l.startsWith('in ')).map((l) => l.slice(3)));
      expect(holders.size).toBeGreaterThan(1);
      expect(lines.length).toBeGreaterThan(20);
      expect({ overlaps, outs: outs.map((o) => o.out.split(' ')[0]) }).toEqual({
        overlaps: [],
        outs: ['held', 'held', 'held'],
      });
    },
  );

  it('treats a lock naming its own pid as stale (a restart as pid 1 in a container after kill -9)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    expect((await child(dir, 0, 'claim-own-pid')).out).toBe('locked');
  });
});
