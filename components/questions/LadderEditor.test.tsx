// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LADDER } from '@/lib/questions';
import { LadderEditor } from './LadderEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => act(() => root?.unmount()));

function mount(onSave = vi.fn(async () => undefined)) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  root = createRoot(host);
  act(() => root!.render(<LadderEditor communityName="Infra" ladder={undefined} onSave={onSave} />));
  return onSave;
}
const byLabel = (text: string) => {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.startsWith(text))!;
  return (label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input')) as HTMLInputElement;
};
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const submit = () =>
  act(async () =>
    document.querySelector('form')!.requestSubmit(document.querySelector<HTMLButtonElement>('button[type=submit]')),
  );

describe('LadderEditor', () => {
  it('shows the defaults and saves an edited ladder', async () => {
    const onSave = mount();
    expect(document.querySelector('form')!.getAttribute('aria-label')).toBe('Unanswered questions in Infra');
    expect(byLabel('Show to the facilitators').value).toBe('48');
    type(byLabel('Show to the facilitators'), '24');
    await submit();
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_LADDER, facilitatorAfterHours: 24 });
    expect(document.querySelector('[role=status]')!.textContent).toBe('Saved.');
  });

  it('refuses rungs out of order or empty, says why, and saves nothing', async () => {
    const onSave = mount();
    type(byLabel('Show to the facilitators'), '6');
    await submit();
    expect(document.querySelector('[role=alert]')!.textContent).toMatch(/Not saved: .*no earlier than the one before/);
    type(byLabel('Show to the facilitators'), '');
    await submit();
    expect(document.querySelector('[role=alert]')!.textContent).toMatch(
      /Not saved: Show to the facilitators after \(hours\): /,
    );
    expect(onSave).not.toHaveBeenCalled();
  });
});
