/**
 * A separate process for the data-folder lock tests (server/src/db/dir-lock.test.ts). Usage:
 * `node --import tsx lock-child.ts <dir> <startAtMs> <mode> [deadPid]`. Modes:
 * - `exit-early`: exits at once (its pid is then a dead one);
 * - `claim-own-pid`: writes a lock naming its own pid, as a previous incarnation with the same pid (pid 1 in a
 *   container, after kill -9) would have left it, then takes the lock and prints `locked` or `busy: ...`;
 * - `stress`: from startAt, for 3 s, takes the lock as often as it can, holds it 1 ms, logs entering and leaving
 *   it to `<dir>/held.log` (`in PID` and `out PID` lines), and leaves either nothing or a dead process's lock behind (half the time each).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from '../src/db/dir-lock';

const [dir, startAt, mode, deadPid] = process.argv.slice(2) as [string, string, string, string?];
const file = join(dir, 'server.lock');
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (mode === 'exit-early') process.exit(0);
if (mode === 'claim-own-pid') {
  writeFileSync(file, String(process.pid));
  try {
    lockDataDir(dir)();
    console.log('locked');
  } catch (error) {
    console.log(`busy: ${(error as Error).message}`);
  }
}
if (mode === 'stress') {
  while (Date.now() < Number(startAt));
  let held = 0;
  while (Date.now() < Number(startAt) + 3000) {
    let release: (() => void) | undefined;
    try {
      release = lockDataDir(dir);
    } catch {
      pause(Math.random());
      continue;
    }
    // One shared log, appended to (O_APPEND) on entering and before leaving: the order of its lines is the order
    // of those moments, with no clock to compare across processes (their clocks disagree by milliseconds).
    appendFileSync(join(dir, 'held.log'), `in ${process.pid}\n`);
    pause(1);
    appendFileSync(join(dir, 'held.log'), `out ${process.pid}\n`);
    held++;
    release();
    if (Math.random() < 0.5) {
      try {
        writeFileSync(file, deadPid!, { flag: 'wx' });
      } catch {
        // someone took the lock meanwhile
      }
    }
    pause(2); // let the others have a go
  }
  console.log(`held ${held}`);
}
