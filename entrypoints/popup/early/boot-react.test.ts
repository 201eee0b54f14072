// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleReactBoot } from './boot-react';
import { EARLY_INPUT_ID } from '@/lib/newest-snapshot/paint';

/** The early page: its search box and one card with an Edit button. */
function earlyPage(): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<input id="${EARLY_INPUT_ID}" type="search"><article id="note-a"><button>Open</button><button>Edit</button></article>`;
  document.body.replaceChildren(root);
  return root;
}

/** What React's takeover leaves: its own box and card, recording what reaches them. */
function takeOver(root: HTMLElement, seen: string[]) {
  root.innerHTML = `<input type="search"><article id="note-a"><button>Open</button><button>Edit</button></article>`;
  root.querySelector('input')!.addEventListener('keydown', (e) => seen.push(`key ${e.key}`));
  for (const b of root.querySelectorAll('button'))
    b.addEventListener('click', () => seen.push(`click ${b.textContent}`));
}

const type = (box: HTMLInputElement, text: string) => {
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('scheduleReactBoot', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const root = earlyPage();
    const seen: string[] = [];
    const load = vi.fn(async () => takeOver(root, seen));
    scheduleReactBoot(root, load);
    return { root, seen, load, box: root.querySelector('input')! };
  }

  it('boots React a moment after the paint when nobody types', async () => {
    const { load } = setUp();
    await vi.advanceTimersByTimeAsync(300);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('never boots in the middle of typing, only at its first pause', async () => {
    const { load, box } = setUp();
    for (let i = 1; i <= 20; i++) {
      type(box, 'kubernetes cluster'.slice(0, i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a click on an early card boots React at once and lands on the same button of the same card', async () => {
    const { root, seen, load } = setUp();
    const edit = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Edit')!;
    edit.click();
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toEqual(['click Edit']);
  });

  it('an arrow key in the early box boots React at once and reaches its search box; letters stay with the box', async () => {
    const { seen, load, box } = setUp();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(seen).toEqual(['key ArrowDown']);
  });
});
