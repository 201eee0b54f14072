/**
 * Test-only. The real-page corpus (33 pages from mozilla/readability's test suite) lives outside the repository:
 * other people's pages are not ours to commit. Every test and benchmark that reads it finds it here, so a
 * fresh clone with nothing beside it skips those tests (with a line in `npm test`'s summary) instead of failing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Points at a copy of the corpus anywhere on disk; wins over the places looked at by default. */
export const CORPUS_ENV = 'COMMONPLACE_CORPUS';

/** Where `npm run corpus:fetch` puts it (git-ignored). */
export const FETCHED_CORPUS = '.corpus/readability-pages';

/** Test titles of corpus tests carry this, so the test runner's summary can say what was skipped and why. */
export const NEEDS_CORPUS = '[needs the real-page corpus]';

export const HOW_TO_GET_CORPUS =
  `the real-page corpus was not found (${CORPUS_ENV}, ../shared/corpus/readability-pages, ${FETCHED_CORPUS}): ` +
  `run \`npm run corpus:fetch\` to download it, or set ${CORPUS_ENV} to a folder of its pages`;

/** A folder counts as the corpus when it holds at least one page folder with a source.html. */
function isCorpus(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return readdirSync(dir).some((d) => existsSync(join(dir, d, 'source.html')));
}

/**
 * The corpus folder, or null when there is none. `COMMONPLACE_CORPUS` set to a folder that is not a corpus is
 * a mistake worth stopping for, not a reason to fall back silently to another copy.
 */
export function corpusDir(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env[CORPUS_ENV];
  if (fromEnv) {
    const dir = resolve(cwd, fromEnv);
    if (!isCorpus(dir)) throw new Error(`${CORPUS_ENV}=${fromEnv}: no page folder with a source.html in ${dir}`);
    return dir;
  }
  for (const candidate of ['../shared/corpus/readability-pages', FETCHED_CORPUS]) {
    const dir = resolve(cwd, candidate);
    if (isCorpus(dir)) return dir;
  }
  return null;
}

/** Page folders (sorted) holding every one of `files`; [] without a corpus. */
export function corpusPages(files: readonly string[] = ['source.html'], dir = corpusDir()): string[] {
  if (!dir) return [];
  return readdirSync(dir)
    .filter((d) => files.every((f) => existsSync(join(dir, d, f))))
    .sort();
}

/** The corpus folder for a benchmark, which has nothing to measure without it. */
export function requireCorpus(): string {
  const dir = corpusDir();
  if (!dir) throw new Error(HOW_TO_GET_CORPUS);
  return dir;
}
