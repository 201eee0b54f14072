/**
 * Hybrid logical clocks (Kulkarni et al. 2014): a timestamp that follows the wall clock when it can and a
 * counter when it cannot, so an author's edits from several devices get a total order that survives clock
 * skew and jumps. Pure: the caller passes "now", nothing here reads a clock.
 *
 * Wire form: `WWWWWWWWWWWWWWW-CCCCCC` — 15 decimal digits of milliseconds, a dash, 6 decimal digits of
 * counter. Fixed width, so comparing the strings compares the clocks.
 */

/** A serialised HLC; see the module comment for the format. */
export type Hlc = string;

export const HLC_PATTERN = /^\d{15}-\d{6}$/;
const MAX_COUNTER = 999_999;
const MAX_WALL = 999_999_999_999_999;

/** The smallest clock: what a replica starts from. */
export const HLC_ZERO: Hlc = formatHlc(0, 0);

export function formatHlc(wallMs: number, counter: number): Hlc {
  if (!Number.isSafeInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL) throw new RangeError('bad HLC wall time');
  if (!Number.isSafeInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError('bad HLC counter');
  return `${String(wallMs).padStart(15, '0')}-${String(counter).padStart(6, '0')}`;
}

export function parseHlc(hlc: Hlc): { wallMs: number; counter: number } {
  if (!HLC_PATTERN.test(hlc)) throw new RangeError(`not an HLC: ${hlc.slice(0, 40)}`);
  return { wallMs: Number(hlc.slice(0, 15)), counter: Number(hlc.slice(16)) };
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value);
}

/** Next clock from `wall` and `counter` candidates: counter overflow spills into the wall part. */
function next(wallMs: number, counter: number): Hlc {
  return counter > MAX_COUNTER ? formatHlc(wallMs + 1, 0) : formatHlc(wallMs, counter);
}

/** The clock for a local event (an edit): strictly greater than `prev`, close to `nowMs` when the clock is sane. */
export function tickHlc(prev: Hlc, nowMs: number): Hlc {
  const p = parseHlc(prev);
  const now = Math.max(0, Math.floor(nowMs));
  return now > p.wallMs ? formatHlc(now, 0) : next(p.wallMs, p.counter + 1);
}

/** The clock after seeing a remote one (a pulled edit): greater than both, so our next edit wins over it. */
export function receiveHlc(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  const l = parseHlc(local);
  const r = parseHlc(remote);
  const now = Math.max(0, Math.floor(nowMs));
  const wall = Math.max(now, l.wallMs, r.wallMs);
  if (wall === now && now > l.wallMs && now > r.wallMs) return formatHlc(now, 0);
  if (l.wallMs === r.wallMs && wall === l.wallMs) return next(wall, Math.max(l.counter, r.counter) + 1);
  if (wall === l.wallMs) return next(wall, l.counter + 1);
  return next(wall, r.counter + 1);
}

/** -1, 0 or 1, like a sort comparator. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What orders two edits of one note: the clock, then the client id as a deterministic tie-break. */
export interface EditStamp {
  hlc: Hlc;
  clientId: string;
}

/** -1, 0 or 1: which edit wins (the greater one). Equal only for the same edit. */
export function compareStamps(a: EditStamp, b: EditStamp): -1 | 0 | 1 {
  const byClock = compareHlc(a.hlc, b.hlc);
  if (byClock !== 0) return byClock;
  return a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0;
}
