// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { registerHarvestButton } from './harvest-button';

type Handler = (e: Event) => void;

/**
 * The content script's context, keeping the listeners it is given: the test calls them with events whose
 * `isTrusted` it chooses (a page's scripts can only ever dispatch untrusted ones; the browser's are trusted).
 */
function fakeContext() {
  const handlers = new Map<string, Handler>();
  const ctx = {
    addEventListener: (_target: EventTarget, type: string, handler: Handler) => handlers.set(type, handler),
    onInvalidated: () => undefined,
  } as unknown as ContentScriptContext;
  const fire = (type: string, init: { isTrusted: boolean; key?: string }) =>
    handlers.get(type)!({ ...init, type, button: 0, composedPath: () => [document.body] } as unknown as Event);
  return { ctx, fire };
}

describe('the Harvest button', () => {
  let root: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<p id="p">Write the rollback step before the rollout step.</p>';
    root = document.createElement('div');
    document.body.append(root);
    Range.prototype.getBoundingClientRect = () => ({ left: 10, top: 10, right: 90, bottom: 30 }) as DOMRect;
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  afterEach(() => vi.useRealTimers());

  const shown = () => root.querySelector('button.harvest');

  function showButton() {
    const { ctx, fire } = fakeContext();
    const host = { root: root as unknown as ShadowRoot, host: root, destroy: () => root.remove() };
    registerHarvestButton(
      ctx,
      () => host,
      () => undefined,
    );
    fire('mouseup', { isTrusted: false });
    vi.runAllTimers();
    expect(shown()).toBeNull(); // a page's own mouseup shows nothing
    fire('mouseup', { isTrusted: true });
    vi.runAllTimers();
    expect(shown()).not.toBeNull();
    return fire;
  }

  it('stays when the page dispatches mousedowns, Escapes and scrolls of its own', () => {
    const fire = showButton();
    fire('mousedown', { isTrusted: false });
    fire('keydown', { isTrusted: false, key: 'Escape' });
    fire('scroll', { isTrusted: false });
    expect(shown()).not.toBeNull();
  });

  it.each([
    ['mousedown', {}],
    ['keydown', { key: 'Escape' }],
    ['scroll', {}],
  ] as const)('goes when the user does it: %s', (type, init) => {
    const fire = showButton();
    fire(type, { isTrusted: true, ...init });
    expect(shown()).toBeNull();
  });
});
