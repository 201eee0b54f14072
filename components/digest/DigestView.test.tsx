// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeDigest, DAY_MS, type Digest, type DigestThank } from '@/lib/digest';
import { makeNote } from '@/lib/testing/digest-seed';
import { DigestView, type DigestActions } from './DigestView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.parse('2026-11-25T12:00:00Z');
const alice = { id: 'alice', name: 'Alice' };
const question = makeNote({
  createdAt: NOW - 4 * DAY_MS,
  kind: 'question',
  author: alice,
  takeaway: 'Where do tokens live?',
});
const hostile = makeNote({
  createdAt: NOW - 3600_000,
  kind: 'win',
  author: alice,
  takeaway: '<img src=x onerror="alert(1)">Big win',
});
const old = makeNote({ createdAt: NOW - 60 * DAY_MS, kind: 'template', author: alice, takeaway: 'Retro template' });
const thank: DigestThank = {
  id: 't',
  noteId: hostile.id,
  memberId: 'bob',
  memberName: 'Bob',
  communityId: 'c1',
  createdAt: NOW - 1000,
};
const digest: Digest = computeDigest({
  notes: [question, hostile, old],
  thanks: [thank],
  events: [{ type: 'duplicate-avoided', at: NOW - 1000 }],
  settings: { meIds: ['me'] },
  now: NOW,
  timeZone: 'UTC',
}).digest;

let root: Root | null = null;
let host: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(actions: Partial<DigestActions> = {}) {
  const all: DigestActions = {
    answer: vi.fn(async () => null),
    thank: vi.fn(async () => null),
    saveRituals: vi.fn(),
    ...actions,
  };
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(<DigestView digest={digest} now={NOW} locale="en-US" names={{ c1: 'Design guild' }} actions={all} />),
  );
  return all;
}

const region = (name: string) =>
  [...host.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === name)!;
const button = (within: Element, label: RegExp) =>
  [...within.querySelectorAll('button')].find((b) => label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''))!;

describe('DigestView', () => {
  it('renders every section, with untrusted text as text', () => {
    render();
    for (const name of [
      'This week’s harvest',
      'Unanswered questions',
      'Win of the week',
      'Rituals',
      'People to thank',
      'Stories',
      'From the archive',
      'Community health',
    ])
      expect(region(name), name).toBeDefined();
    expect(region('Win of the week').textContent).toContain('<img src=x onerror="alert(1)">Big win');
    expect(host.querySelector('img')).toBeNull();
    expect(region('Rituals').querySelector('h3')!.textContent).toBe('Design guild');
    expect(region('From the archive').textContent).toContain('Retro template');
    expect(region('Unanswered questions').textContent).toContain('waiting 4 days');
  });

  it('answers a question through the given action', async () => {
    const actions = render();
    act(() => button(region('Unanswered questions'), /^Answer: Where do tokens live\?/).click());
    const textarea = host.querySelector('textarea')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(textarea, 'In the design repo.');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button(region('Unanswered questions'), /Save answer/).click());
    expect(actions.answer).toHaveBeenCalledWith(question.id, 'In the design repo.');
    expect(host.querySelector('textarea')).toBeNull();
  });

  it('shows an error instead of closing when saving the answer fails', async () => {
    render({ answer: async () => 'takeaway: too long' });
    act(() => button(region('Unanswered questions'), /^Answer:/).click());
    const textarea = host.querySelector('textarea')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(textarea, 'x');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => button(region('Unanswered questions'), /Save answer/).click());
    expect(host.querySelector('[role="alert"]')!.textContent).toBe('takeaway: too long');
  });

  it('thanks a contributor and marks the button', async () => {
    const actions = render();
    const people = region('People to thank');
    await act(async () => button(people, /^Thank Alice/).click());
    expect(actions.thank).toHaveBeenCalledWith(expect.objectContaining({ person: alice }));
    expect(button(people, /^Thank Alice/).textContent).toBe('Thanked');
    expect(button(people, /^Thank Alice/).getAttribute('aria-pressed')).toBe('true');
  });

  it('draws each trend as a named SVG image with a table of its values', () => {
    render();
    const health = region('Community health');
    const imgs = health.querySelectorAll('svg[role="img"]');
    expect(imgs).toHaveLength(6);
    const dup = [...imgs].find((s) => s.getAttribute('aria-label')!.startsWith('Duplicate effort avoided'))!;
    expect(dup.getAttribute('aria-label')).toBe('Duplicate effort avoided: 12-week trend, latest 1');
    const table = document.getElementById(dup.getAttribute('aria-describedby')!)!;
    expect(table.querySelectorAll('tr')).toHaveLength(12);
  });

  it('saves an edited ritual schedule', () => {
    const actions = render();
    const rituals = region('Rituals');
    act(() => button(rituals, /^Edit the schedule of Design guild/).click());
    const select = rituals.querySelector('select')!;
    act(() => {
      select.value = 'weekly';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    act(() => button(rituals, /Save schedule/).click());
    const [cm, saved] = (actions.saveRituals as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(cm).toBe('c1');
    expect(saved.map((r: { cadence: string }) => r.cadence)).toContain('weekly');
  });
});
