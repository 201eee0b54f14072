// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '@/lib/model';
import { MyExpertise, type MyExpertiseActions } from './MyExpertise';
import { WhoMightKnow } from './WhoMightKnow';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => act(() => root?.unmount()));
async function mount(node: React.ReactNode) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  root = createRoot(host);
  await act(async () => root!.render(node));
}
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('WhoMightKnow', () => {
  it('opens by its named button and renders member text as text, evidence as note links', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">Bea';
    const load = vi.fn(async () => [
      {
        memberId: 'b',
        name: hostile,
        isRising: false,
        reasons: [{ text: 'answered 2 questions on vpn', noteIds: ['n1', 'n2'] }],
      },
    ]);
    await mount(<WhoMightKnow questionTitle="Why VPN?" load={load} />);
    const button = document.querySelector('button[aria-label="Who might know: Why VPN?"]') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(load).not.toHaveBeenCalled();
    await act(async () => button.click());
    await flush();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.helper-name')!.textContent).toBe(hostile);
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'note.html?id=n1',
      'note.html?id=n2',
    ]);
  });
});

describe('MyExpertise', () => {
  it('says a refusal in words and leaves the switch where the endpoint has it', async () => {
    const actions: MyExpertiseActions = {
      loadProfile: async () => [
        {
          topic: 'vpn',
          weight: 1,
          evidence: [{ text: 'answered a question in #ops', noteId: 'n1', at: 0, isPrivate: true }],
        },
      ],
      loadSetting: async () => ok(false),
      setOptedOut: vi.fn(async () => err('Your setting was not changed: the endpoint is unreachable')),
    };
    await mount(<MyExpertise communityName="Makers" actions={actions} />);
    await flush();
    const toggle = document.querySelector('input[role="switch"]') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(document.body.textContent).toContain('visible only to you');
    await act(async () => toggle.click());
    await flush();
    expect(actions.setOptedOut).toHaveBeenCalledWith(true);
    expect(toggle.checked).toBe(true);
    expect(document.querySelector('[role="alert"]')!.textContent).toBe(
      'Your setting was not changed: the endpoint is unreachable',
    );
  });
});
