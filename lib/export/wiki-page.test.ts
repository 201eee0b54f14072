// @vitest-environment node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { goldenNotes } from '../testing/export/golden-notes';
import { htmlToMarkdown } from './html-to-markdown';
import { exportMarkdownZip } from './markdown-zip';
import { collectionWikiSource, tagWikiSource, threadWikiSource, wikiPage } from './wiki-page';

const GOLDEN = join(__dirname, 'golden');
const { window } = new JSDOM('');
const toMd = (html: string) => htmlToMarkdown(html, window as never);

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function golden(name: string, actual: string) {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('wiki pages (golden files)', () => {
  const { notes, collection } = goldenNotes();

  it('renders a collection in hand order with code, sanitised rich text, links back and contributors', () => {
    const md = wikiPage(collectionWikiSource(collection, notes), { htmlToMarkdown: toMd });
    golden('collection.md', md);
    expect(md).toContain('```typescript\n');
    expect(md).toContain('retries#top:~:text=Retries%20without%20backoff%20turn,blip%20into%20an%20outage.');
    expect(md).not.toMatch(/<script|javascript:|onerror=|<img/i);
    expect(md).toContain('**Contributors:** Bob, Alice Martin, Carol');
  });

  it('renders a tag page and a chat-thread page', () => {
    golden('tag-reliability.md', wikiPage(tagWikiSource('reliability', notes)));
    const thread = wikiPage(threadWikiSource(notes[3]!));
    golden('thread.md', thread);
    expect(thread).toContain('> ```sh\n> cp rotate --all\n> ```');
  });

  it('zips one file per note, or one page per collection plus the rest', () => {
    const mtime = new Date(Date.UTC(2026, 0, 1));
    const perNote = unzipSync(exportMarkdownZip(notes, { per: 'note', mtime }));
    expect(Object.keys(perNote)).toHaveLength(4);
    const first = Object.entries(perNote).find(([k]) => k.endsWith('-00000001.md'))!;
    golden('note-file.md', strFromU8(first[1]));
    const perCollection = unzipSync(exportMarkdownZip(notes, { per: 'collection', collections: [collection], mtime }));
    expect(Object.keys(perCollection).sort()).toEqual([
      'collections/onboarding-reliability.md',
      expect.stringMatching(/^notes\/how-do-we-rotate|^notes\/slack-thread/),
    ]);
  });
});
