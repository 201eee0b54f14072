// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImpactPromptView } from '@/lib/sync/impact-desk';
import { ImpactPrompt, type ImpactPromptActions } from './ImpactPrompt';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const view: ImpactPromptView = {
  opening: { key: 'n1@1', noteId: 'n1', communityId: 'c1', source: 'search', openedAt: 1 },
  title: '<img src=x onerror="alert(1)">Rotate the VPN keys',
  outcomeNotes: [{ id: 'w1', kind: 'win', title: 'Shipped the VPN fix' }],
};

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(actions: ImpactPromptActions) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<ImpactPrompt view={view} actions={actions} />));
}
const group = (name: string) =>
  [...host.querySelectorAll('[role="group"]')].find(
    (g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent === name,
  )!;
const button = (scope: Element, name: string) =>
  [...scope.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('ImpactPrompt', () => {
  it('asks both questions by named buttons and sends the chosen answer, the linked win included', async () => {
    const answer = vi.fn(async () => 'Thanks, noted.');
    render({ answer, dismiss: vi.fn() });
    expect(host.querySelector('img')).toBeNull(); // the title is text
    const time = group('Did this save you time?');
    expect([...time.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '~5 min',
      '~30 min',
      '~120 min',
      'No',
    ]);
    act(() => button(time, '~30 min').click());
    expect(button(time, '~30 min').getAttribute('aria-pressed')).toBe('true');
    act(() => button(group('Did it turn into a win or a story?'), 'A win').click());
    const select = host.querySelector('select')!;
    expect(select.closest('label')!.textContent).toMatch(/^Which win\? \(optional\)/);
    act(() => {
      select.value = 'w1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => button(host, 'Send').click());
    expect(answer).toHaveBeenCalledWith(view, { minutesSaved: 30, outcome: 'win', outcomeNoteId: 'w1' });
    expect(host.querySelector('[role="status"]')!.textContent).toBe('Thanks, noted.');
  });

  it('sends nothing until something is picked, and "Not now" dismisses', async () => {
    const answer = vi.fn(async () => '');
    const dismiss = vi.fn(async () => undefined);
    render({ answer, dismiss });
    await act(async () => button(host, 'Send').click());
    expect(answer).not.toHaveBeenCalled();
    expect(host.querySelector('[role="alert"]')!.textContent).toBe('Pick an answer first.');
    await act(async () => button(host, 'Not now').click());
    expect(dismiss).toHaveBeenCalledWith(view);
    expect(host.querySelector('[role="status"]')!.textContent).toBe('Okay, not this one.');
  });
});
