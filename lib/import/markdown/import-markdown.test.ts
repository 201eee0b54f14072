import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../model';
import { importFile } from '../import-file';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/import');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const load = (name: string, existing: Note[] = []) => {
  const r = importFile(read(name), { filename: name, existing, now: () => 1_800_000_000_000 });
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const quoteSelector = (n: Note) => n.selectors.find((s) => s.type === 'TextQuoteSelector');

describe('Readwise → Logseq', () => {
  const r = load('readwise-logseq.md');

  it('one note per highlight across both sync bullets (a sentence highlighted again stays its own note); the empty one reported', () => {
    expect(r).toMatchObject({ format: 'markdown', flavour: 'readwise-logseq', duplicates: 0 });
    expect(r.skipped).toEqual([{ where: 'line 17', reason: 'empty highlight' }]);
    expect(r.notes.map((n) => n.quote.slice(0, 30))).toEqual([
      'A retry is only safe when the ',
      'Store the key with the respons',
      'A key needs three qualities:\n\n',
      'Store the key with the respons',
      'A retry is only safe when the ',
    ]);
  });

  it('keeps page title and author, the article link, note, tags and the View Highlight link per note', () => {
    const [, withNote, withTags, longer] = r.notes;
    for (const n of r.notes)
      expect(n.page).toEqual({
        url: 'https://example.org/posts/idempotency-keys',
        canonicalUrl: 'https://example.org/posts/idempotency-keys',
        title: 'Idempotency Keys in Practice',
        byline: 'example.org',
      });
    expect(withNote).toMatchObject({
      takeaway: 'This is what our payments service forgot.',
      origin: { tool: 'readwise', link: 'https://read.readwise.io/read/01aaaaaaaaaaaaaaaaaaaaaaa2' },
    });
    expect(withTags!.quote).toBe(
      'A key needs three qualities:\n\nIt is chosen by the client.\nIt is unique per logical operation.\nIt expires long after the last retry.',
    );
    expect(withTags!.tags).toEqual(['api-design', 'reliability']);
    expect(longer!.quote).toMatch(/\n\nThen a retry gets the first answer again, byte for byte\.$/);
  });

  it('every note carries a TextQuoteSelector for its quote', () => {
    for (const n of r.notes) expect(quoteSelector(n)).toEqual({ type: 'TextQuoteSelector', exact: n.quote });
  });

  it('importing the file again merges all five as duplicates', () => {
    expect(load('readwise-logseq.md', r.notes)).toMatchObject({ notes: [], duplicates: 5 });
  });
});

describe('Omnivore → Logseq', () => {
  const r = load('omnivore-logseq.md');

  it('one note per ⤴️ highlight under its own article; empty highlight and empty bullet reported', () => {
    expect(r).toMatchObject({ flavour: 'omnivore-logseq', duplicates: 0 });
    expect(r.skipped).toEqual([
      { where: 'line 12', reason: 'empty highlight' },
      { where: 'line 28', reason: 'empty bullet' },
    ]);
    expect(r.notes.map((n) => [n.quote.split('\n')[0], n.page.url])).toEqual([
      ['A queue without a limit only moves the outage somewhere later.', 'https://example.net/backpressure/'],
      ['Rejecting early is kinder than timing out late.', 'https://example.net/backpressure/'],
      ['Client to client', 'https://sync.example.org/compared'],
      ['Pick the merge rule before you pick the tool.', 'https://sync.example.org/compared'],
      ['', 'https://sync.example.org/compared'],
      ['Every flag is a branch you promised to delete.', 'https://flags.example.com/debt'],
    ]);
  });

  it('keeps title, author, labels as tags, the ⤴️ link and a note written under the highlight', () => {
    expect(r.notes[0]).toMatchObject({
      page: { title: 'Backpressure Explained', byline: 'Jo Writer' },
      tags: ['queues', 'reliability'],
      origin: {
        tool: 'omnivore',
        link: 'https://omnivore.app/me/backpressure-explained-18d4aaaaaaa#11111111-1111-4111-8111-111111111111',
      },
    });
    expect(r.notes[5]).toMatchObject({
      takeaway: 'We now give each flag an owner and an end date.',
      page: { title: 'Feature Flags Are Debt', byline: 'Sam Author' },
      tags: [],
    });
    for (const n of r.notes.filter((x) => x.quote)) expect(quoteSelector(n)?.exact).toBe(n.quote);
  });

  it('a list inside a highlight stays its text; a note:: property is its note; a bullet of ours is a page note', () => {
    const [, , list, withNote, ours] = r.notes;
    expect(list!.quote).toBe(
      'Client to client\n\n* [Tool One](https://one.example.org/)\n* [Tool Two](https://two.example.org/)',
    );
    expect(list!.origin?.link).toMatch(/#55555555-/);
    expect(withNote!.takeaway).toBe('the rule we picked is field-level merge');
    expect(ours).toMatchObject({ quote: '', takeaway: '#sync worth a team read', selectors: [], tags: ['sync'] });
  });
});

describe('Readwise Markdown (Obsidian export)', () => {
  it('reads the Metadata list and the highlights under "## Highlights", wrapped lines included', () => {
    const r = load('readwise-obsidian.md');
    expect(r).toMatchObject({ flavour: 'readwise', skipped: [], duplicates: 0 });
    expect(r.notes).toHaveLength(5);
    expect(r.notes[0]!.quote).toBe(
      'A runbook is read at the worst moment, by the least rested person on the team.\nWrite it for them: one action per line, and the command ready to paste.',
    );
    expect(r.notes[1]).toMatchObject({
      takeaway: 'Our alert template now has a runbook field.',
      tags: ['liked', 'favorite'],
      page: {
        url: 'https://ops.example.com/runbooks',
        title: 'Writing Runbooks People Use',
        byline: 'ops.example.com',
      },
      origin: { tool: 'readwise', link: 'https://instapaper.com/read/1000000001/20000002' },
    });
    // a highlight whose text starts with "Note:" is still a highlight, not a note
    expect(r.notes[2]).toMatchObject({
      quote: 'Note: a stale runbook is worse than none, because people trust it.',
      takeaway: '',
    });
    // a heading inside a highlight is its text; a later sync's "New highlights added" section is read too
    expect(r.notes[3]!.quote).toBe(
      'A checklist beats memory at 3 a.m.:\n\n---\n\n## step one: page the owner\nthen open the dashboard.',
    );
    expect(r.notes[4]).toMatchObject({
      quote: 'Rehearse the runbook when nothing is broken.',
      origin: { link: 'https://instapaper.com/read/1000000001/20000005' },
    });
  });

  it('a Kindle book (no URL) points at the book by its ASIN; the repeated highlight at one location is merged', () => {
    const r = load('readwise-obsidian-book.md');
    expect(r).toMatchObject({ skipped: [], duplicates: 1 });
    expect(r.notes.map((n) => [n.page.url, n.origin?.location])).toEqual([
      ['https://www.amazon.com/dp/B00EXAMPLE', 'Location 287'],
      ['https://www.amazon.com/dp/B00EXAMPLE', 'Location 1204'],
    ]);
    expect(r.notes[1]!.tags).toEqual(['2-areas/mocs/teams', 'favorite']);
  });

  it('liked tweets: only "New highlights added" sections, each tweet its own page by its link', () => {
    const r = load('readwise-obsidian-tweets.md');
    expect(r).toMatchObject({ flavour: 'readwise', skipped: [], duplicates: 0 });
    expect(r.notes.map((n) => [n.quote, n.page.url])).toEqual([
      [
        '@example_dev: Write the test that fails first, then the code.',
        'https://twitter.com/example_dev/status/1480000000000000001',
      ],
      [
        '@another_dev: Three rules for logs:\n– say what happened\n– say where\n– never say it twice',
        'https://twitter.com/another_dev/status/1465000000000000002',
      ],
    ]);
  });

  it('the default Markdown export (self-written fixture) reads the same way', () => {
    const r = load('readwise.md');
    expect(r).toMatchObject({ flavour: 'readwise', skipped: [] });
    expect(r.notes.map((n) => n.takeaway)).toEqual([
      'Opening line of our onboarding doc.',
      '',
      'Knowledge, not code: duplicated code is sometimes fine.',
    ]);
    expect(r.notes[0]).toMatchObject({ tags: ['craft', 'onboarding'], page: { url: 'https://pragprog.com/tips/' } });
  });
});

describe('Omnivore Markdown (Obsidian plugin template, self-written fixture)', () => {
  it('reads > quote blocks with their ⤴️ links, labels and the note after them', () => {
    const r = load('omnivore.md');
    expect(r).toMatchObject({ flavour: 'omnivore', skipped: [{ where: 'line 27', reason: 'empty highlight' }] });
    expect(r.notes).toHaveLength(3);
    expect(r.notes[0]).toMatchObject({
      quote: 'Separate subject from body with a blank line',
      takeaway: 'The rule our linter enforces.',
      tags: ['git', 'style'],
      page: { url: 'https://cbea.ms/git-commit/', title: 'How to Write Good Commit Messages', byline: 'Chris Beams' },
      origin: { tool: 'omnivore', link: expect.stringMatching(/^https:\/\/omnivore\.app\/me\/.*#7e1b7d40/) },
    });
  });
});

describe('Markdown without a source', () => {
  it('reports highlights without a source instead of guessing one', () => {
    const r = load('no-source.md');
    expect(r.notes).toEqual([]);
    expect(r.skipped).toEqual([{ where: 'line 3', reason: 'no source link (an http or https URL)' }]);
  });
});
