import { describe, expect, it } from 'vitest';
import { NEEDS_CORPUS } from '../../lib/testing/corpus';
import { corpusSkips } from '../../scripts/corpus-skips';

describe("npm test's line for tests skipped without the real-page corpus", () => {
  it('counts them by file and says how to get the corpus', () => {
    const report = {
      testResults: [
        {
          name: '/repo/lib/a.test.ts',
          assertionResults: [
            { fullName: `on real pages ${NEEDS_CORPUS} has the corpus`, status: 'skipped' },
            { fullName: `on real pages ${NEEDS_CORPUS} reads them`, status: 'pending' },
            { fullName: 'without an article', status: 'passed' },
          ],
        },
        { name: '/repo/lib/b.test.ts', assertionResults: [{ fullName: `x ${NEEDS_CORPUS}`, status: 'skipped' }] },
      ],
    };
    const line = corpusSkips(report, '/repo');
    expect(line).toMatch(/^skipped 3 test\(s\) on real pages in lib\/a\.test\.ts \(2\), lib\/b\.test\.ts \(1\): /);
    expect(line).toContain('npm run corpus:fetch');
    expect(line).toContain('COMMONPLACE_CORPUS');
  });

  it('says nothing when no corpus test was skipped (or only tests skipped for other reasons)', () => {
    const report = {
      testResults: [{ name: '/repo/a.test.ts', assertionResults: [{ fullName: 'x', status: 'skipped' }] }],
    };
    expect(corpusSkips(report, '/repo')).toBeNull();
    expect(corpusSkips({}, '/repo')).toBeNull();
  });
});
