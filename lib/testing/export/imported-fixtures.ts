import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Note } from '../../model';
import { importedCorpus } from './export-corpus';

/** Other tools' real-format files: the import fixtures, and the Hypothesis API rows of the export fixtures. */
const FIXTURE_DIRS = ['tests/fixtures/import', 'tests/fixtures/export/hypothesis-baseline'];

/**
 * Test-only (Node, run from the repository root): every note our importers make from those files, imported into
 * one store. The export's conformance test and `scripts/w3c-annotation-suite.ts` check the same notes.
 */
export function importedFixtureNotes(): Note[] {
  return importedCorpus(
    FIXTURE_DIRS.map((d) => resolve(d)).flatMap((dir) =>
      readdirSync(dir)
        .filter((n) => /\.(json|md)$/.test(n))
        .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })),
    ),
  );
}
