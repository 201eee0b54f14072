// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { makeNote } from '@/lib/testing/make-note';
import { ResultList, type ResultActions } from './ResultList';
import type { Hit } from './use-search';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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
