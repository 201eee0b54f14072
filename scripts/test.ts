/**
 * `npm test`: every suite, one summary. Static checks, unit and API tests (Vitest; the server's on PGlite and,
 * where PostgreSQL is installed, on a throwaway PostgreSQL cluster too), the extension builds (Chrome and
 * Firefox), and E2E in real Chromium with the built extension. Ends with `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../lib/testing/corpus';
import { corpusSkips } from './corpus-skips';
import { findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium';

interface Tally {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}
const tallies: Tally[] = [];
const failures: string[] = [];
/** Lines printed with the summary: what was skipped and how to run it. */
const notices: string[] = [];

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Each failed test (or test file that failed to run) with the start of its error. */
function vitestFailures(report: VitestReport): string[] {
  const head = (text = '') => text.split('\n').slice(0, 12).join('\n    ').slice(0, 4000);
  const file = (name: string) => name.replace(`${process.cwd()}/`, '');
  return (report.testResults ?? []).flatMap((f) => {
    const failed = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (!failed.length && f.status === 'failed') return [`✗ ${file(f.name)}\n    ${head(f.message)}`];
    return failed.map((a) => `✗ ${file(f.name)} › ${a.fullName}\n    ${head(a.failureMessages[0])}`);
  });
}

function hasCorpus(): boolean {
  try {
    return corpusDir() !== null;
  } catch (e) {
    notices.push(`corpus: ${(e as Error).message}`);
    return false;
  }
}
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wants = (suite: string) => only.length === 0 || only.includes(suite);

/** How long each command took, printed with the summary: CI must stay well under its time limit. */
const timings: string[] = [];
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const words = args.filter((a) => !a.startsWith('-')).slice(0, 3);
  timings.push(`${words.join(' ')} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return r.status ?? 1;
}
const npx = (args: string[], env?: NodeJS.ProcessEnv) => run('npx', ['--no-install', ...args], env);

function step(name: string, ok: boolean) {
  tallies.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

interface WebExtLintReport {
  summary: { errors: number; warnings: number };
  errors: { code: string; message: string; file?: string }[];
}

/** Mozilla's add-on linter over the Firefox build, as Add-ons review runs it: errors fail, warnings are shown. */
function webExtLint(dir: string): boolean {
  const r = spawnSync(
    'npx',
    ['--no-install', 'web-ext', 'lint', '--source-dir', dir, '--no-input', '--no-config-discovery', '--output=json'],
    { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  let report: WebExtLintReport;
  try {
    report = JSON.parse(r.stdout) as WebExtLintReport;
  } catch {
    failures.push(`✗ web-ext lint did not run\n    ${r.stderr.slice(0, 2000)}`);
    return false;
  }
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
  for (const e of report.errors) failures.push(`✗ web-ext lint ${e.code} ${e.file ?? ''}\n    ${e.message}`);
  return report.summary.errors === 0;
}

mkdirSync('reports', { recursive: true });

if (wants('static')) {
  step('lint', npx(['eslint', '.', '--max-warnings=0']) === 0);
  step('typecheck', npx(['tsc', '--noEmit']) === 0);
  step('format', npx(['prettier', '--check', '.', '--log-level', 'warn']) === 0);
}

// A throwaway PostgreSQL cluster for the server's tests and the scale-out E2E (four endpoint processes on it).
const pgEnv: NodeJS.ProcessEnv = {};
let pgStarted = false;
if ((wants('unit') || wants('e2e')) && !process.env.TEST_DATABASE_URL) {
  const pg = spawnSync('sh', ['scripts/pg-test-cluster.sh', 'start'], { encoding: 'utf8' });
  if (pg.status === 0) {
    pgEnv.TEST_DATABASE_URL = pg.stdout.trim().split('\n').pop();
    pgStarted = true;
  } else if (pg.status === 3) {
    console.warn(
      '\n[test] PostgreSQL 15 is not installed: server tests run on PGlite only, the scale-out E2E is skipped.',
    );
    console.warn('[test] Install it (Debian: apt-get install -y --no-install-recommends postgresql) for both.\n');
  } else {
    console.error(pg.stderr);
    step('postgres cluster', false);
  }
}

if (wants('unit')) {
  const env = pgEnv;
  rmSync('reports/vitest.json', { force: true });
  const status = npx(
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/vitest.json'],
    env,
  );
  const report = readJson('reports/vitest.json') as VitestReport | null;
  if (report) {
    failures.push(...vitestFailures(report));
    const skips = hasCorpus() ? null : corpusSkips(report, process.cwd());
    if (skips) notices.push(skips);
    const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
    tallies.push({
      name: 'vitest',
      passed: report.numPassedTests,
      failed,
      skipped: report.numPendingTests + report.numTodoTests,
    });
  } else step('vitest', false);
}

if (wants('build') || wants('e2e')) {
  // Store packages are production builds (`wxt zip` builds first).
  step('build + zip chrome-mv3', npx(['wxt', 'zip']) === 0);
  if (wants('build')) {
    step('build + zip firefox-mv2', npx(['wxt', 'zip', '-b', 'firefox']) === 0);
    step('web-ext lint (firefox)', webExtLint(join(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2')));
  }
  // E2E drives a test build (open shadow root, test marks) over it; the hostile-page spec builds production itself.
  step('build chrome-mv3 (test hooks)', npx(['wxt', 'build'], { WXT_TEST_HOOKS: '1' }) === 0);
}

if (wants('e2e')) {
  const chromium = findChromium();
  if (!chromium) {
    console.error(`\n${HOW_TO_GET_CHROMIUM}\n`);
    step('find chromium', false);
  } else if (!existsSync(join(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3/manifest.json'))) {
    step('e2e (no build)', false);
  } else {
    rmSync('reports/playwright.json', { force: true });
    const status = npx(['playwright', 'test'], { ...pgEnv, CHROMIUM_PATH: chromium });
    const report = readJson('reports/playwright.json') as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    } | null;
    if (report) {
      const { expected, unexpected, flaky, skipped } = report.stats;
      const failed = unexpected + (status !== 0 && unexpected === 0 ? 1 : 0);
      tallies.push({ name: 'e2e', passed: expected + flaky, failed, skipped });
    } else step('e2e', false);
  }
}

if (pgStarted) spawnSync('sh', ['scripts/pg-test-cluster.sh', 'stop'], { stdio: 'inherit' });

if (failures.length) {
  // Repeated here, next to the summary: a CI log is often read from its end only.
  console.log('\n── failures ──');
  for (const f of failures) console.log(f);
}
console.log('\n── summary ──');
for (const t of tallies)
  console.log(
    `${t.name.padEnd(20)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`,
  );
for (const n of notices) console.log(`note: ${n}`);
console.log(`time: ${timings.join(', ')}`);
const passed = tallies.reduce((s, t) => s + t.passed, 0);
const failed = tallies.reduce((s, t) => s + t.failed, 0);
const skipped = tallies.reduce((s, t) => s + t.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
