import { describe, expect, it } from 'vitest';
import { dueImpactPrompt, openingKey, PROMPT_AFTER_MS } from './prompt';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const opened = (noteId: string, ago: number, source?: string) => ({
  type: 'note-opened',
  noteId,
  at: NOW - ago,
  ...(source ? { data: { source } } : {}),
});
const communities: Record<string, string> = { a: 'c1', b: 'c1', c: 'c2' };
const due = (over: Partial<Parameters<typeof dueImpactPrompt>[0]> = {}) =>
  dueImpactPrompt({
    events: [],
    communityOf: (id) => communities[id],
    handled: new Set(),
    promptedDay: null,
    today: '2026-12-05',
    now: NOW,
    ...over,
  });

describe('dueImpactPrompt', () => {
  it('asks about the newest opening from a ledger source that is at least an hour old', () => {
    const events = [
      opened('a', 3 * PROMPT_AFTER_MS, 'search'),
      opened('b', PROMPT_AFTER_MS + 1, 'digest'),
      opened('c', PROMPT_AFTER_MS - 1, 'search'), // not an hour yet
    ];
    expect(due({ events })).toEqual({
      key: openingKey('b', NOW - PROMPT_AFTER_MS - 1),
      noteId: 'b',
      communityId: 'c1',
      source: 'digest',
      openedAt: NOW - PROMPT_AFTER_MS - 1,
    });
  });

  it('never asks about openings without a source, of personal notes, older than a week, or already handled', () => {
    const events = [
      opened('a', 2 * PROMPT_AFTER_MS), // from the note page or a highlight: no source
      opened('personal', 2 * PROMPT_AFTER_MS, 'search'),
      opened('b', 8 * 24 * PROMPT_AFTER_MS, 'search'),
      opened('c', 2 * PROMPT_AFTER_MS, 'relay'),
      { type: 'duplicate-avoided', noteId: 'a', at: NOW - 2 * PROMPT_AFTER_MS, data: { source: 'search' } },
    ];
    expect(due({ events })?.noteId).toBe('c');
    expect(due({ events, handled: new Set([openingKey('c', NOW - 2 * PROMPT_AFTER_MS)]) })).toBeNull();
  });

  it('asks at most once a day', () => {
    const events = [opened('a', 2 * PROMPT_AFTER_MS, 'search')];
    expect(due({ events, promptedDay: '2026-12-05' })).toBeNull();
    expect(due({ events, promptedDay: '2026-12-04' })?.noteId).toBe('a');
  });
});
