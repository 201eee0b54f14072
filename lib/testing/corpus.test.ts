// @vitest-environment node
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_ENV, corpusDir, corpusPages, FETCHED_CORPUS } from './corpus';

/** A project folder inside a workspace folder, with corpora placed where asked. */
function layout(where: ('shared' | 'fetched' | 'elsewhere')[]) {
  const top = mkdtempSync(join(tmpdir(), 'corpus-'));
  const project = join(top, 'project');
  mkdirSync(project);
  const dirs = {
    shared: join(top, 'shared/corpus/readability-pages'),
    fetched: join(project, FETCHED_CORPUS),
    elsewhere: join(top, 'mine'),
  };
  for (const w of where) {
    mkdirSync(join(dirs[w], 'page-a'), { recursive: true });
    writeFileSync(join(dirs[w], 'page-a', 'source.html'), '<p>a</p>');
    mkdirSync(join(dirs[w], 'page-b'), { recursive: true });
    writeFileSync(join(dirs[w], 'page-b', 'expected.html'), '<p>b</p>');
  }
  return { project, dirs };
}

describe('corpusDir', () => {
  it('is null on a clone with nothing beside it', () => {
    expect(corpusDir(layout([]).project, {})).toBeNull();
  });

  it('looks beside the project, then in the fetched copy', () => {
    const both = layout(['shared', 'fetched']);
    expect(corpusDir(both.project, {})).toBe(both.dirs.shared);
    const fetched = layout(['fetched']);
    expect(corpusDir(fetched.project, {})).toBe(fetched.dirs.fetched);
  });

  it('takes COMMONPLACE_CORPUS first, and stops on one that holds no pages', () => {
    const l = layout(['shared', 'elsewhere']);
    expect(corpusDir(l.project, { [CORPUS_ENV]: l.dirs.elsewhere })).toBe(l.dirs.elsewhere);
    expect(() => corpusDir(l.project, { [CORPUS_ENV]: join(l.project, 'nope') })).toThrow(/COMMONPLACE_CORPUS=/);
  });

  it('lists the pages holding the files asked for', () => {
    const l = layout(['shared']);
    expect(corpusPages(['source.html'], l.dirs.shared)).toEqual(['page-a']);
    expect(corpusPages(['expected.html'], l.dirs.shared)).toEqual(['page-b']);
    expect(corpusPages(['source.html'], null)).toEqual([]);
  });
});
