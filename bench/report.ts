/**
 * The quarterly impact report (issue 17): generation time at 50k notes and 1,000 members (one seeded world from
 * the one note factory, lib/testing/impact) beside a floor, a single pass over the same arrays that only counts
 * notes per author and kind. Medians of several runs. Usage: npm run bench:report [-- notes=50000 members=1000
 * runs=7]. The last line is one JSON object; bench:pulse takes `reportBench()` at merge.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { impactReport, type ReportInput } from '../lib/impact/figures';
import { impactMarkdown } from '../lib/impact/markdown';
import { impactWorld } from '../lib/testing/impact';

export interface ReportBenchResult {
  reportMs: number;
  floorMs: number;
  notes: number;
  members: number;
  runs: number;
}

const NOW = Date.UTC(2026, 11, 5, 3);
const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The least any report must do: read every note, question event and event once. */
function floorPass(w: ReportInput): number {
  const perAuthor = new Map<string, number>();
  const perKind = new Map<string, number>();
  for (const n of w.notes) {
    if (n.communityId !== w.communityId || n.deletedAt !== undefined) continue;
    const a = n.author?.id ?? '';
    perAuthor.set(a, (perAuthor.get(a) ?? 0) + 1);
    perKind.set(n.kind, (perKind.get(n.kind) ?? 0) + 1);
  }
  let other = 0;
  for (const e of w.questionEvents) if (e.type === 'me-too') other++;
  for (const e of w.events) if (e.type === 'duplicate-avoided') other++;
  return perAuthor.size + perKind.size + other;
}

export function reportBench(notes = 50_000, members = 1_000, runs = 7): ReportBenchResult {
  const world = impactWorld({ seed: 17, notes, members, now: NOW, timeZone: 'Europe/London', named: 50 });
  const time = (f: () => unknown) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  // One warm-up of each, so both are measured compiled.
  impactMarkdown(impactReport(world));
  floorPass(world);
  const report: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    report.push(time(() => impactMarkdown(impactReport(world))));
    floor.push(time(() => floorPass(world)));
  }
  return { reportMs: r2(median(report)), floorMs: r2(median(floor)), notes, members, runs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
  const r = reportBench(Number(args.notes ?? 50_000), Number(args.members ?? 1_000), Number(args.runs ?? 7));
  console.log(`impact report at ${r.notes} notes, ${r.members} members (median of ${r.runs} runs)`);
  console.log('                     ms');
  console.log(`report + Markdown    ${r.reportMs.toFixed(2).padStart(8)}`);
  console.log(`floor (one pass)     ${r.floorMs.toFixed(2).padStart(8)}`);
  console.log(JSON.stringify({ bench: 'report', ...r }));
}
