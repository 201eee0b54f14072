// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { writeImport } from '../../lib/db/import';
import { CommonplaceDb } from '../../lib/db/schema';
import { TransferPanel } from './TransferPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let db: CommonplaceDb;
afterEach(async () => {
  document.body.innerHTML = '';
  await db?.delete();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
};

describe('TransferPanel', () => {
  it('previews a Hypothesis export, imports it into the database, and exports it back', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const downloads: { name: string; data: Blob }[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () =>
      createRoot(host).render(
        <TransferPanel
          loadNotes={() => db.notes.toArray()}
          loadCollections={() => db.collections.toArray()}
          writeImport={(notes, collections, opts) => writeImport(db, notes, collections, opts)}
          download={(name, data) => downloads.push({ name, data })}
          now={() => Date.UTC(2026, 10, 27)}
        />,
      ),
    );
    const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/import/hypothesis-client-export.json'), 'utf8');
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File([text], 'hypothesis.json')] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => !!host.querySelector('[aria-label="Import preview"]'));
    expect(host.textContent).toContain('3 new notes, 0 duplicates, 2 skipped');
    const importButton = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Import 3 notes')!;
    await act(async () => importButton.click());
    await until(() => /Done: 3 notes imported/.test(host.textContent ?? ''));
    expect(await db.notes.count()).toBe(3);

    const jsonButton = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('JSON'))!;
    await act(async () => jsonButton.click());
    await until(() => downloads.length === 1);
    expect(downloads[0]!.name).toBe('commonplace-2026-11-27.json');
    expect(JSON.parse(await downloads[0]!.data.text()).total).toBe(3);
  });

  it('shows a clear error for a malformed file and writes nothing', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () =>
      createRoot(host).render(
        <TransferPanel
          loadNotes={() => db.notes.toArray()}
          loadCollections={() => db.collections.toArray()}
          writeImport={(notes, collections, opts) => writeImport(db, notes, collections, opts)}
        />,
      ),
    );
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['{"annotations": [tru'], 'x.json')] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => !!host.querySelector('[role=alert]'));
    expect(host.querySelector('[role=alert]')!.textContent).toMatch(/^Not valid JSON/);
    expect(await db.notes.count()).toBe(0);
  });

  it('imports a zip of Readwise Markdown files and lists what it skipped, by file', async () => {
    db = new CommonplaceDb(`t-${Math.random()}`);
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () =>
      createRoot(host).render(
        <TransferPanel
          loadNotes={() => db.notes.toArray()}
          loadCollections={() => db.collections.toArray()}
          writeImport={(notes, collections, opts) => writeImport(db, notes, collections, opts)}
        />,
      ),
    );
    const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'tests/fixtures/import', name));
    const zip = zipSync({
      'Readwise/Articles/Runbooks.md': fixture('readwise-obsidian.md'),
      'Readwise/Podcasts/No Source.md': fixture('no-source.md'),
    });
    const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File([zip], 'Readwise.zip')] });
    await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => !!host.querySelector('[aria-label="Import preview"]'));
    expect(host.textContent).toContain('zip (readwise, obsidian): 5 new notes, 0 duplicates, 1 skipped.');
    expect(host.textContent).toContain('Readwise/Podcasts/No Source.md line 3: no source link (an http or https URL)');
    const importButton = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Import 5 notes')!;
    await act(async () => importButton.click());
    await until(() => /Done: 5 notes imported, 1 skipped/.test(host.textContent ?? ''));
    expect(await db.notes.count()).toBe(5);
  });
});
