import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT } from '../../../tests/fixtures/chat/load';
import { fixtureFiles, readProvenance } from '../../../tests/fixtures/chat/provenance';
import { skeletonOf, skeletonPath } from '../../../tests/fixtures/chat/skeleton';

const { entries, bad } = readProvenance();
const real = entries.filter((e) => e.kind === 'real');
const reconstructed = entries.filter((e) => e.kind === 'reconstructed');

describe('chat fixture provenance (tests/fixtures/chat/README.md, "Provenance")', () => {
  it('parses every entry line', () => {
    expect(bad).toEqual([]);
  });

  it('names every fixture exactly once, and only fixtures that exist', () => {
    const named = entries.map((e) => e.fixture).sort();
    expect(named).toEqual(fixtureFiles());
    expect(new Set(named).size).toBe(named.length);
  });

  it.each(real.map((e) => [e.fixture, e] as const))(
    '%s keeps the skeleton recorded from its real capture',
    (fixture) => {
      const recorded = skeletonPath(FIXTURE_ROOT, fixture.replace(/\.html$/, ''));
      expect(existsSync(recorded)).toBe(true);
      const html = readFileSync(join(FIXTURE_ROOT, fixture), 'utf8');
      expect(skeletonOf(html)).toBe(readFileSync(recorded, 'utf8'));
    },
  );

  it('marks reconstructed fixtures as such: a reason, and no recorded skeleton that would pass them as real', () => {
    for (const e of reconstructed) {
      expect(e.kind === 'reconstructed' && e.why.length > 10).toBe(true);
      expect(existsSync(skeletonPath(FIXTURE_ROOT, e.fixture.replace(/\.html$/, '')))).toBe(false);
    }
    console.info(
      `chat fixtures: ${real.length} real, ${reconstructed.length} reconstructed (${reconstructed
        .map((e) => e.fixture)
        .join(', ')})`,
    );
  });

  it('catches a fixture whose structure drifted from its capture', () => {
    const fixture = real[0]?.fixture ?? fixtureFiles()[0]!;
    const html = readFileSync(join(FIXTURE_ROOT, fixture), 'utf8');
    const drifted = html.replace(/<body([^>]*)>/, '<body$1><div class="wrapper-the-app-added"></div>');
    expect(drifted).not.toBe(html);
    expect(skeletonOf(drifted)).not.toBe(skeletonOf(html));
  });
});
