// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '@/lib/model';
import { BLOCKER_POLL, defaultPolls } from '@/lib/pulse/defaults';
import type { Poll, PollInput } from '@/lib/pulse/schema';
import { PollScheduler, type PollSchedulerActions } from './PollScheduler';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 11, 5, 9);
const ZONE = 'Europe/Berlin';
let root: Root | undefined;
afterEach(() => act(() => root?.unmount()));

const stored = (id: string, input: PollInput): Poll => ({ id, ...input, updatedAt: NOW });

function fakeActions(initial: Poll[] | null, over: Partial<PollSchedulerActions> = {}) {
  let n = 0;
  const actions = {
    load: vi.fn(async () => ok(initial)),
    save: vi.fn(async (id: string, input: PollInput) => ok(stored(id, input))),
    remove: vi.fn(async () => ok(undefined)),
    newId: () => `00000000-0000-4000-8000-00000000000${++n}`,
    ...over,
  };
  return actions;
}

async function mount(actions: PollSchedulerActions) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  root = createRoot(host);
  await act(async () =>
    root!.render(<PollScheduler communityName="Makers" timeZone={ZONE} now={() => NOW} actions={actions} />),
  );
  await act(async () => new Promise((r) => setTimeout(r, 0)));
}

/** A control by its accessible name: aria-label, else its label's or its own text. */
const named = (name: string) => {
  const all = [...document.querySelectorAll<HTMLElement>('button, input, select, textarea')];
  const nameOf = (el: HTMLElement) =>
    el.getAttribute('aria-label') ??
    (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
    el.closest('label')?.textContent ??
    el.textContent;
  const hit = all.find((el) => nameOf(el)?.trim() === name);
  if (!hit) throw new Error(`no control named ${name}: ${all.map(nameOf).join(' | ')}`);
  return hit;
};
const click = (name: string) => act(async () => named(name).click());
const type = (name: string, value: string) =>
  act(() => {
    const el = named(name) as HTMLInputElement | HTMLTextAreaElement;
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const pick = (name: string, value: string) =>
  act(() => {
    const el = named(name) as HTMLSelectElement;
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
const text = () => document.body.textContent ?? '';
const alertText = () => [...document.querySelectorAll('[role=alert]')].map((a) => a.textContent).join(' ');

describe('PollScheduler', () => {
  it('shows nothing to a member (the desk answers null) and asks nothing more', async () => {
    const actions = fakeActions(null);
    await mount(actions);
    expect(document.body.innerHTML).toBe('<div></div>');
    expect(actions.save).not.toHaveBeenCalled();
  });

  it('schedules the essay’s blocker poll from its default, then no longer offers it', async () => {
    const actions = fakeActions([]);
    await mount(actions);
    expect(text()).toContain('No polls scheduled.');
    await click('Add the blocker poll…');
    expect((named('Question') as HTMLInputElement).value).toBe(BLOCKER_POLL.question);
    expect((named('Time zone') as HTMLInputElement).value).toBe(ZONE);
    await click('Schedule poll');
    expect(actions.save).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000001', defaultPolls(ZONE)[0]);
    expect(document.querySelector('[role=status]')!.textContent).toBe(`Scheduled “${BLOCKER_POLL.question}”.`);
    const item = document.querySelector(`li[aria-label="${BLOCKER_POLL.question}"]`)!;
    expect(item.textContent).toContain('Every two weeks');
    expect(item.textContent).toMatch(/(Next opens|Open now, until) \w{3} \d+ \w{3} \d{4}\./);
    expect(() => named('Add the blocker poll…')).toThrow();
    named('Add the quarterly “still useful?” poll…');
  });

  it('refuses a bad poll field by field and sends nothing; a good one is sent as the route reads it', async () => {
    const actions = fakeActions([]);
    await mount(actions);
    await click('New poll…');
    await type('Answers needed before results show (at least 3)', '2');
    await type('Time zone', 'Mars/Olympus');
    await click('One of these choices');
    await type('Choices, one a line', 'Only one');
    await click('Schedule poll');
    expect(actions.save).not.toHaveBeenCalled();
    const problems = [...document.querySelectorAll('ul[aria-label="Problems with this poll"] li')].map(
      (li) => li.textContent,
    );
    expect(problems).toEqual([
      'Choices: give at least two, one a line',
      'Question: must not be empty',
      'Time zone: must be an IANA time zone',
      'Answers needed before results show: must be at least 3',
    ]);

    await type('Question', '  Which release train are you on?  ');
    await type('Choices, one a line', 'March\n\n  April \nMay');
    await type('Answers needed before results show (at least 3)', '4');
    await type('Time zone', 'America/New_York');
    await pick('How often', 'monthly');
    await type('First occurrence (answers close as this day starts)', '2027-01-31');
    await click('Anonymous (answers are stored without who gave them)');
    await click('Schedule poll');
    expect(actions.save).toHaveBeenCalledWith(expect.any(String), {
      question: 'Which release train are you on?',
      choices: ['March', 'April', 'May'],
      isAnonymous: true,
      cadence: 'monthly',
      anchor: '2027-01-31',
      openDays: 3,
      timeZone: 'America/New_York',
      minAnswers: 4,
      isActive: true,
    });
    expect(text()).toContain('Every month · from 2027-01-31 · open 3 days before each occurrence · 3 choices');
  });

  it('says the endpoint’s refusal in words and keeps the form and the list as they were', async () => {
    const actions = fakeActions([], {
      save: vi.fn(async () => err('Not saved: Only facilitators and admins may do this')),
    });
    await mount(actions);
    await click('Add the blocker poll…');
    await click('Schedule poll');
    expect(alertText()).toContain('Not saved: Only facilitators and admins may do this');
    expect(text()).toContain('No polls scheduled.');
    expect((named('Question') as HTMLInputElement).value).toBe(BLOCKER_POLL.question);
  });

  it('edits, pauses and resumes, and stops only after asking; member text stays text', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">Blocked?';
    const poll = stored('00000000-0000-4000-8000-0000000000aa', { ...defaultPolls(ZONE)[0]!, question: hostile });
    const actions = fakeActions([poll]);
    await mount(actions);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.poll-question')!.textContent).toBe(hostile);

    await click(`Pause “${hostile}”`);
    expect(actions.save).toHaveBeenLastCalledWith(poll.id, {
      ...defaultPolls(ZONE)[0],
      question: hostile,
      isActive: false,
    });
    expect(text()).toContain('Paused: members see nothing until you resume it.');
    await click(`Resume “${hostile}”`);
    expect(actions.save).toHaveBeenLastCalledWith(poll.id, {
      ...defaultPolls(ZONE)[0],
      question: hostile,
      isActive: true,
    });

    await click(`Edit “${hostile}”`);
    await type('Days open before each occurrence', '5');
    await click('Save changes');
    expect(actions.save).toHaveBeenLastCalledWith(poll.id, expect.objectContaining({ openDays: 5, question: hostile }));
    expect(text()).toContain('open 5 days before each occurrence');

    await click(`Stop “${hostile}”…`);
    expect(actions.remove).not.toHaveBeenCalled();
    await click('Cancel');
    expect(actions.remove).not.toHaveBeenCalled();
    await click(`Stop “${hostile}”…`);
    await click(`Stop and delete “${hostile}”`);
    expect(actions.remove).toHaveBeenCalledWith(poll.id);
    expect(text()).toContain('No polls scheduled.');
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('gives every control an accessible name', async () => {
    await mount(fakeActions([stored('00000000-0000-4000-8000-0000000000bb', defaultPolls(ZONE)[1]!)]));
    await click('New poll…');
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, textarea')) {
      const name =
        el.getAttribute('aria-label') ??
        (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
        el.closest('label')?.textContent ??
        el.textContent;
      expect(name?.trim(), el.outerHTML).toBeTruthy();
    }
  });
});
