// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { observeMessages, type MessageListChange } from './observer';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

function list(n = 0): HTMLElement {
  const ol = document.createElement('ol');
  for (let i = 0; i < n; i++) ol.append(Object.assign(document.createElement('li'), { textContent: `m${i}` }));
  document.body.replaceChildren(ol);
  return ol;
}

describe('observeMessages', () => {
  it('coalesces a burst of re-renders into one change', async () => {
    const ol = list(5);
    const changes: MessageListChange[] = [];
    const ctl = new AbortController();
    observeMessages(ol, (c) => changes.push(c), { signal: ctl.signal, debounceMs: 20 });
    for (let i = 0; i < 10; i++) {
      ol.firstElementChild!.remove();
      ol.append(document.createElement('li'));
      await Promise.resolve();
    }
    await settle(80);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ removedCount: 10, isOverflow: false });
    expect(changes[0]!.added).toHaveLength(10);
    ctl.abort();
  });

  it('keeps at most maxNodes references and says when it dropped some', async () => {
    const ol = list();
    const changes: MessageListChange[] = [];
    const ctl = new AbortController();
    observeMessages(ol, (c) => changes.push(c), { signal: ctl.signal, debounceMs: 10, maxNodes: 3 });
    for (let i = 0; i < 8; i++) ol.append(document.createElement('li'));
    await settle(50);
    expect(changes[0]!.added).toHaveLength(3);
    expect(changes[0]!.isOverflow).toBe(true);
    ctl.abort();
  });

  it('stops observing and drops a pending flush when aborted', async () => {
    const ol = list();
    let calls = 0;
    const ctl = new AbortController();
    observeMessages(ol, () => calls++, { signal: ctl.signal, debounceMs: 10 });
    ol.append(document.createElement('li'));
    await Promise.resolve();
    ctl.abort();
    ol.append(document.createElement('li'));
    await settle(40);
    expect(calls).toBe(0);
  });

  it('does nothing for an already aborted signal', async () => {
    const ol = list();
    let calls = 0;
    observeMessages(ol, () => calls++, { signal: AbortSignal.abort(), debounceMs: 5 });
    ol.append(document.createElement('li'));
    await settle(30);
    expect(calls).toBe(0);
  });
});
