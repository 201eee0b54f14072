import { HOW_TO_GET_CORPUS, NEEDS_CORPUS } from '../lib/testing/corpus';

/** As much of Vitest's JSON report as this reads. */
export interface SkipReport {
  testResults?: { name: string; assertionResults?: { fullName: string; status: string }[] }[];
}

/**
 * `npm test`'s summary line for the tests skipped because the real-page corpus is missing (their titles carry
 * NEEDS_CORPUS), counted by file, with how to get it; null when none was skipped for that reason.
 */
export function corpusSkips(report: SkipReport, cwd: string): string | null {
  const files = new Map<string, number>();
  for (const f of report.testResults ?? [])
    for (const a of f.assertionResults ?? [])
      if ((a.status === 'skipped' || a.status === 'pending') && a.fullName.includes(NEEDS_CORPUS)) {
        const name = f.name.replace(`${cwd}/`, '');
        files.set(name, (files.get(name) ?? 0) + 1);
      }
  if (!files.size) return null;
  const n = [...files.values()].reduce((s, k) => s + k, 0);
  const where = [...files].map(([name, k]) => `${name} (${k})`).join(', ');
  return `skipped ${n} test(s) on real pages in ${where}: ${HOW_TO_GET_CORPUS}`;
}
