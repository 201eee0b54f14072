// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { makeNote } from '@/lib/testing/make-note';
import type * as NoteCardModule from '@/components/NoteCard';
import { ResultList, type ResultActions } from './ResultList';
import type { Hit } from './use-search';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The note of each card rendered, in order: the real NoteCard draws it, through a wrapper that counts. */
const rendered = vi.hoisted(() => [] as string[]);
vi.mock('@/components/NoteCard', async (original) => {
  const real = await original<typeof NoteCardModule>();
  const { createElement, forwardRef } = await import('react');
  type Props = ComponentProps<typeof real.NoteCard>;
  const NoteCard = forwardRef<HTMLElement, Props>(function CountedNoteCard(props, ref) {
    rendered.push(props.note.id);
    return createElement(real.NoteCard, { ...props, ref });
  });
  return { ...real, NoteCard };
});

const opened: string[] = [];
const actions: ResultActions = {
  open: (note) => void opened.push(note.id),
  edit: () => {},
  remove: () => {},
  save: async () => {},
};
const OWN = new Set<string>();

/** Each keystroke's list: the same rows read afresh (new objects), as the popup reads them. */
const reread = (hits: Hit[]): Hit[] => hits.map((h) => ({ ...h, note: structuredClone(h.note) }));

describe('ResultList with memoised cards', () => {
  it('still draws every change of a note read afresh, and its buttons act on the newest read', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const render = (hits: Hit[], active = 0) =>
      act(() =>
        root.render(
          <ResultList hits={hits} active={active} editing={null} ownIds={OWN} noMatchFor={null} actions={actions} />,
        ),
      );
    const a = makeNote({ quote: 'Colocate state', takeaway: 'Keep it near' });
    const b = makeNote({ quote: 'Index the foreign keys', tags: ['postgres'] });
    const first: Hit[] = [{ note: a }, { note: b }];
    await render(first);
    const cards = () => [...host.querySelectorAll('article')];
    expect(cards().map((c) => c.getAttribute('aria-current'))).toEqual(['true', 'false']);

    // Same notes, new objects: nothing drawn differs.
    await render(reread(first));
    expect(cards().map((c) => c.querySelector('.quote')?.textContent)).toEqual([
      'Colocate state',
      'Index the foreign keys',
    ]);

    // A rejection arrives without a new updatedAt; a takeaway is edited: only the notes change.
    const next: Hit[] = [
      { note: { ...structuredClone(a), sync: { isRejected: true, rejectReason: 'too long' } } },
      { note: { ...structuredClone(b), takeaway: 'Always' } },
    ];
    await render(next);
    expect(cards()[0]!.querySelector('.meta')?.textContent).toContain('rejected: too long');
    expect(cards()[1]!.textContent).toContain('Takeaway: Always');

    // The marks follow, then the selection moves.
    const marked: Hit[] = [next[0]!, { ...next[1]!, matches: { quote: [[0, 4]] } }];
    await render(marked);
    expect(cards()[1]!.querySelector('mark')?.textContent).toBe('Index');
    await render(marked, 1);
    expect(cards().map((c) => c.getAttribute('aria-current'))).toEqual(['false', 'true']);

    // Open acts on the note the card shows now.
    await act(async () => cards()[1]!.querySelector('button')!.click());
    expect(opened).toEqual([b.id]);
    await act(async () => root.unmount());
  });
});

describe('ResultList renders a card only when its own props change', () => {
  it('a new list renders its new cards alone; a moved selection, the two cards it moves between; a mark, its card', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const render = async (hits: Hit[], active = 0) => {
      rendered.length = 0;
      // Counted until the list's live queries (thanks, relayable answers) have answered and rendered too.
      await act(async () => {
        root.render(
          <ResultList hits={hits} active={active} editing={null} ownIds={OWN} noMatchFor={null} actions={actions} />,
        );
        await new Promise((r) => setTimeout(r, 50));
      });
      return [...rendered];
    };
    // Every other note a community's (its thanks read live), every third a question.
    const notes = Array.from({ length: 30 }, (_, i) =>
      makeNote({ quote: `note ${i}`, kind: i % 3 ? 'insight' : 'question', ...(i % 2 ? { communityId: 'c1' } : {}) }),
    );
    const ids = (from: number, to: number) => notes.slice(from, to).map((n) => n.id);
    const first: Hit[] = notes.slice(0, 20).map((note) => ({ note }));
    expect(await render(first)).toEqual(ids(0, 20));
    // The next keystroke's list: ten notes kept (read afresh, in another order), ten new. Only the new are drawn,
    // and the card that becomes selected (note 10 was not; note 0 no longer is).
    const next: Hit[] = reread([...first.slice(10, 20), ...notes.slice(20, 30).map((note) => ({ note }))]);
    expect((await render(next)).sort()).toEqual([...ids(20, 30), notes[10]!.id].sort());
    // The same list read again: nothing.
    expect(await render(reread(next))).toEqual([]);
    // The selection moves down one: the two cards it leaves and reaches.
    expect((await render(next, 1)).sort()).toEqual([notes[10]!.id, notes[11]!.id].sort());
    // The marks arrive for one note: that card alone.
    const marked = next.map((h, i) => (i === 3 ? { ...h, matches: { quote: [[0, 4]] as const } } : h));
    expect(await render(marked, 1)).toEqual([notes[13]!.id]);
    await act(async () => root.unmount());
  });
});
