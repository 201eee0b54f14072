// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { DigestSearch } from './DigestSearch';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

it('searches as the user types, shows hits as text, and Enter opens the best one', async () => {
  const search = vi.fn(async (q: string) => (q.includes('tok') ? [{ id: 'n1', title: '<b>Design tokens</b>' }] : []));
  const onOpen = vi.fn();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root.render(<DigestSearch search={search} onOpen={onOpen} />));
  const input = host.querySelector('input[type="search"]') as HTMLInputElement;
  expect(document.activeElement).toBe(input);
  expect(host.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Search harvested notes');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(input, 'tok');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(search).toHaveBeenCalledWith('tok');
  const hit = host.querySelector('.search-hits button')!;
  expect(hit.textContent).toBe('<b>Design tokens</b>');
  expect(host.querySelector('b')).toBeNull();
  act(() => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
  expect(onOpen).toHaveBeenCalledWith('n1');
});
