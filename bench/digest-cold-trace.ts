/**
 * The cold new tab's main thread, phase by phase (bench/digest-profile.ts `TRACE=1`): between each pair of the
 * page's marks (lib/db/trace-mark.ts), how long the thread ran tasks (and its own CPU time in them: less when it
 * waited for a core), how much of that was garbage collection, and the named events that took the most. The rest
 * of a phase is the thread waiting: for IndexedDB, for a chunk to load, or for a core.
 */
import type { TraceEvent } from './chromium-trace';

/** What the cold trace records: tasks, script, GC, user timing, IndexedDB. */
export const COLD_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'IndexedDB',
];

/** The cold path's marks (lib/db/trace-mark.ts), in the order they are set. */
export const COLD_MARKS = [
  'digest-start',
  'digest-read',
  'digest-prepare',
  'digest-fingerprint',
  'digest-cold-read',
  'digest-cold-folded',
  'digest-reads',
  'digest-shown-read',
  'digest-computed',
  'digest-rendered',
  'digest-complete',
];

const PHASES = ['navigationStart', ...COLD_MARKS];

/** Microseconds of [from, to) covered by any of `events` (nested or overlapping ones counted once). */
function covered(events: TraceEvent[], from: number, to: number): number {
  const spans = events
    .map((e) => [Math.max(e.ts, from), Math.min(e.ts + (e.dur ?? 0), to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * One line per phase: wall ms; main-thread tasks ms (and the thread's own CPU ms in them); within them, garbage
 * collection and IndexedDB results being handed to the page (IDBRequest::SendResult: the value's deserialisation
 * and our success handlers); the named events that took the most (nested ones each counted).
 */
export function coldPhases(events: TraceEvent[]): string[] {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && PHASES.includes(e.name));
  const start = marks.find((e) => e.name === 'digest-start');
  if (!start) return ['no digest-start mark in the trace'];
  const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X');
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === start.pid);
  const at = new Map<string, number>();
  if (nav) at.set('navigationStart', nav.ts);
  for (const m of marks) if (!at.has(m.name)) at.set(m.name, m.ts);
  const present = PHASES.filter((p) => at.has(p)).sort((a, b) => at.get(a)! - at.get(b)!);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const gcs = main.filter((e) => /GC/.test(e.name));
  const idb = main.filter((e) => e.name === 'IDBRequest::SendResult');
  const ms = (us: number) => (us / 1000).toFixed(0);
  const lines: string[] = [];
  for (let i = 1; i < present.length; i++) {
    const from = at.get(present[i - 1]!)!;
    const to = at.get(present[i]!)!;
    let thread = 0;
    for (const t of tasks.filter((t) => t.name === 'RunTask')) {
      const o = Math.max(0, Math.min(t.ts + (t.dur ?? 0), to) - Math.max(t.ts, from));
      if (o && t.tdur !== undefined && t.dur) thread += (o * t.tdur) / t.dur;
    }
    const names = new Map<string, number>();
    for (const e of main) {
      if (tasks.includes(e)) continue;
      const o = covered([e], from, to);
      const data = e.args?.data as { url?: string; functionName?: string } | undefined;
      const key = data?.url ? `${e.name}(${data.url.split('/').pop()}:${data.functionName ?? ''})` : e.name;
      if (o) names.set(key, (names.get(key) ?? 0) + o);
    }
    const top = [...names]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, us]) => `${n} ${ms(us)}`)
      .join(', ');
    lines.push(
      `${present[i - 1]} → ${present[i]}: ${ms(to - from)} ms; tasks ${ms(covered(tasks, from, to))} ` +
        `(thread ${ms(thread)}), GC ${ms(covered(gcs, from, to))}, IDB results ${ms(covered(idb, from, to))}; ${top}`,
    );
  }
  return lines;
}
