// @vitest-environment jsdom
import { act, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { addNotes, moveNote, newCollection, removeNotes, type Collection } from '../../lib/collections';
import { goldenNotes } from '../../lib/testing/export/golden-notes';
import { CollectionsPanel } from './CollectionsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const { notes } = goldenNotes();

/** The panel with the pure collection rules as its "repository", so ordering runs for real. */
function Harness({ copied }: { copied: string[] }) {
  const [list, setList] = useState<Collection[]>([]);
  const update = (id: string, fn: (c: Collection) => Collection) =>
    setList((l) => l.map((c) => (c.id === id ? fn(c) : c)));
  return (
    <CollectionsPanel
      collections={list}
      notes={notes}
      onCreate={(name) => {
        const r = newCollection(`c${list.length}`, name, 1);
        if (r.ok) setList((l) => [...l, r.value]);
      }}
      onRename={(id, name) => update(id, (c) => ({ ...c, name }))}
      onDelete={(id) => setList((l) => l.filter((c) => c.id !== id))}
      onAddNote={(id, noteId) => update(id, (c) => addNotes(c, [noteId], 2))}
      onRemoveNote={(id, noteId) => update(id, (c) => removeNotes(c, [noteId], 3))}
      onMove={(id, noteId, to) => update(id, (c) => moveNote(c, noteId, to, 4))}
      copy={async (t) => void copied.push(t)}
      download={() => {}}
    />
  );
}

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

describe('CollectionsPanel', () => {
  it('builds a collection, orders it by hand, and copies its wiki page', async () => {
    const copied: string[] = [];
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => createRoot(host).render(<Harness copied={copied} />));
    const nameInput = host.querySelector<HTMLInputElement>('input')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(nameInput, 'Onboarding');
      nameInput.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button(host, 'Create collection').click());
    const select = () => host.querySelectorAll('select')[1]!;
    for (const n of [notes[0]!, notes[1]!]) {
      await act(async () => {
        select().value = n.id;
        select().dispatchEvent(new Event('change', { bubbles: true }));
      });
      await act(async () => button(host, 'Add to collection').click());
    }
    const items = () => [...host.querySelectorAll('ol li span')].map((s) => s.textContent);
    expect(items()).toEqual([notes[0]!.takeaway, notes[1]!.takeaway]);
    await act(async () => button(host, `Move up: ${notes[1]!.takeaway}`).click());
    expect(items()).toEqual([notes[1]!.takeaway, notes[0]!.takeaway]);
    await act(async () => button(host, 'Copy wiki page').click());
    expect(copied[0]).toMatch(/^# Onboarding\n\n## Backoff snippet\n\n````typescript/);
    expect(host.querySelector('pre[aria-label="Wiki page Markdown"]')!.textContent).toBe(copied[0]);
  });
});
