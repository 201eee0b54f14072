// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteCard } from '@/lib/digest';
import type { BoardLine, QuestionBoard } from '@/lib/questions';
import { formatters } from '../digest/format';
import { QuestionsSection } from './QuestionsSection';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.parse('2026-11-25T12:00:00Z');
const card = (id: string, title: string): NoteCard => ({
  id,
  kind: 'question',
  title,
  url: 'https://chat.example/t/1',
  siteName: 'chat.example',
  author: { id: 'me', name: 'Me' },
  contributors: [],
  communityId: 'c1',
  createdAt: NOW - 86_400_000,
});
const line = (id: string, title: string, state: BoardLine['state'], answerId?: string): BoardLine => ({
  card: card(id, title),
  state,
  ...(answerId ? { answerId } : {}),
});

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(board: QuestionBoard, onOpenAnswer: (id: string) => void) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <QuestionsSection
        board={board}
        fmt={formatters('en', 'UTC')}
        now={NOW}
        onAnswer={async () => null}
        onConfirm={async () => null}
        onOpenAnswer={onOpenAnswer}
      />,
    ),
  );
}

describe('QuestionsSection: opening a relayed answer (the impact ledger’s "relay" source)', () => {
  it('offers "Open the answer" on relayed questions only, and opens that answer', () => {
    const open = vi.fn();
    render(
      {
        forMe: [],
        toConfirm: [
          line('q1', 'Where do tokens live?', 'relayed', 'a1'),
          line('q2', 'How do we rotate keys?', 'answered', 'a2'),
        ],
        toRelay: [],
        states: {},
      },
      open,
    );
    const buttons = [...host.querySelectorAll('button')].filter((b) => b.textContent === 'Open the answer');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Open the answer: Where do tokens live?']);
    act(() => buttons[0]!.click());
    expect(open).toHaveBeenCalledWith('a1');
  });
});
