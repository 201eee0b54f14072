import { randomBytes } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** Lock files this process holds: a second lock of the same directory from here is refused too. */
const held = new Set<string>();
/** A stale-lock breaker that died mid-way leaves its guard behind; one older than this is taken over. */
const GUARD_STALE_MS = 10_000;

/**
 * PGlite's data directory may be opened by one process only: two would corrupt it. The lock file holds the
 * owner's pid and appears atomically, already written (a hard link to a finished temp file), so a second
 * starter never reads it half-made. A lock whose pid is dead, or is our own pid while we do not hold it (a
 * restart as pid 1 in a container after kill -9), is stale; it is removed only under a guard file and only if
 * it still names that pid, so two starters breaking the same stale lock cannot both end up holding it.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'server.lock');
  if (held.has(file)) throw new Error(`${dir} is in use by process ${process.pid} (this one)`);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (tryCreate(file)) {
      held.add(file);
      return () => {
        held.delete(file);
        rmSync(file, { force: true });
      };
    }
    const owner = readOwner(file);
    if (owner === undefined) continue; // removed meanwhile: try again
    if (owner !== process.pid && isAlive(owner)) {
      throw new Error(`${dir} is in use by process ${owner}; stop it first (or set DATA_DIR)`);
    }
    breakStale(file, owner);
  }
  throw new Error(`could not lock ${dir}`);
}

function tryCreate(file: string): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(temp, `${process.pid}\n`, { flag: 'wx' });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** The pid in the lock file; undefined when there is no lock file; NaN when it holds no pid (still stale). */
function readOwner(file: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(file, 'utf8'), 10);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function breakStale(file: string, stalePid: number): void {
  const guard = `${file}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    sleep(20); // another starter is breaking it: look again shortly
    return;
  }
  try {
    const owner = readOwner(file);
    if (owner !== undefined && (owner === stalePid || (Number.isNaN(owner) && Number.isNaN(stalePid))))
      unlinkSync(file);
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
