import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { makeNote } from '../testing/digest-seed';
import { DAY_MS } from '../digest/time';
import type { DigestEvent, DigestThank, Ritual } from '../digest/types';
import { composeRitualPost, plainOf, type ComposeInput, type PostBlock, type RitualPost } from './index';

// Wednesday 2026-11-25 12:00 UTC.
const NOW = Date.parse('2026-11-25T12:00:00Z');
const sarah = { id: 'sarah', name: 'Sarah' };
const omar = { id: 'omar', name: 'Omar' };
const li = { id: 'li', name: 'Li' };
const AMA: Ritual = { id: 'ama', kind: 'ama', title: 'Ask me anything', cadence: 'monthly', anchor: '2026-01-15' };
const HUDDLE: Ritual = { id: 'h', kind: 'huddle', title: 'Huddle', cadence: 'biweekly', anchor: '2026-01-07' };
const SHOW: Ritual = {
  id: 's',
  kind: 'show-and-tell',
  title: 'Show & tell',
  cadence: 'quarterly',
  anchor: '2026-01-22',
};
const WINS: Ritual = { id: 'w', kind: 'win-thread', title: 'Win of the week', cadence: 'weekly', anchor: '2026-01-09' };

const q = (over: Partial<Note> & { createdAt: number }) => makeNote({ kind: 'question', author: sarah, ...over });
const compose = (ritual: Ritual, notes: Note[], over: Partial<ComposeInput> = {}) =>
  composeRitualPost({ ritual, communityId: 'c1', notes, events: [], thanks: [], now: NOW, timeZone: 'UTC', ...over })!;

/** Each list of the post as the plain lines a reader sees, under the heading that precedes it. */
function lists(post: RitualPost): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let heading = '';
  for (const b of post.blocks) {
    if (b.type === 'heading') heading = b.text;
    if (b.type === 'list') out[heading] = b.items.map(plainOf);
  }
  return out;
}
const words = (blocks: PostBlock[]) =>
  blocks
    .map((b) =>
      b.type === 'heading'
        ? b.text
        : b.type === 'list'
          ? b.items.map(plainOf).join('\n')
          : 'content' in b
            ? plainOf(b.content)
            : '',
    )
    .join('\n');

describe('composeRitualPost', () => {
  it('AMA: open questions ordered by distinct "me too"s of others, answered, private and foreign ones left out', () => {
    const few = q({ createdAt: NOW - 20 * DAY_MS, takeaway: 'How do we rotate the staging keys?' });
    const many = q({ createdAt: NOW - 2 * DAY_MS, takeaway: 'Who owns the flaky deploy job?', author: omar });
    const answered = q({ createdAt: NOW - 30 * DAY_MS, takeaway: 'Answered one' });
    const priv = q({
      createdAt: NOW - 3 * DAY_MS,
      takeaway: 'From a DM',
      chat: { platform: 'slack', messages: [], isPrivate: true },
    });
    const foreign = q({ createdAt: NOW - 3 * DAY_MS, takeaway: 'Other community', communityId: 'c2' });
    const meToo = (target: Note, author: { id: string; name: string }, over: Partial<Note> = {}) =>
      makeNote({ createdAt: NOW - DAY_MS, author, links: { addsTo: target.id }, ...over });
    const notes = [
      few,
      many,
      answered,
      priv,
      foreign,
      makeNote({ createdAt: NOW - DAY_MS, kind: 'answer', author: li, links: { answers: answered.id } }),
      meToo(many, sarah),
      meToo(many, li),
      meToo(many, li), // the same person twice counts once
      meToo(many, omar), // the asker's own "me too" does not count
      meToo(few, li, { deletedAt: NOW }), // a deleted one does not count
    ];
    const post = compose(AMA, notes);
    expect(post.day).toBe('2026-12-15');
    expect(post.title).toBe('Ask me anything: Tuesday 15 December 2026');
    expect(lists(post)['Ask me anything: Tuesday 15 December 2026']).toEqual([
      'Who owns the flaky deploy job? (asked by Omar; two people asked too)',
      'How do we rotate the staging keys? (asked by Sarah)',
    ]);
    const first = post.blocks.find((b) => b.type === 'list')!;
    expect(first.type === 'list' && first.items[0]![0]).toEqual({
      type: 'link',
      text: many.takeaway,
      url: many.page.url,
    });
    expect(words(post.blocks)).not.toMatch(/From a DM|Other community|Answered one/);
  });

  it('AMA with nothing open invites questions instead of an empty list', () => {
    const post = compose(AMA, []);
    expect(post.blocks.some((b) => b.type === 'list')).toBe(false);
    expect(words(post.blocks)).toContain('No question is waiting for an answer right now.');
  });

  it('huddle: questions open a week or more, oldest first, then unanswered blockers', () => {
    const fresh = q({ createdAt: NOW - 6 * DAY_MS, takeaway: 'Fresh question' });
    const old = q({ createdAt: NOW - 30 * DAY_MS, takeaway: 'Old question' });
    const week = q({ createdAt: NOW - 7 * DAY_MS, takeaway: 'A week old' });
    const blocker = makeNote({
      createdAt: NOW - DAY_MS,
      takeaway: 'CI runners out of disk',
      tags: ['blocker'],
      author: li,
    });
    const solved = makeNote({ createdAt: NOW - DAY_MS, takeaway: 'Solved blocker', tags: ['blocked'], author: li });
    const fix = makeNote({ createdAt: NOW, kind: 'answer', links: { answers: solved.id } });
    const post = compose(HUDDLE, [fresh, old, week, blocker, solved, fix]);
    expect(post.day).toBe('2026-11-25'); // today is a huddle day (2026-01-07 + 23 fortnights)
    expect(lists(post)).toMatchObject({
      'Questions waiting a week or more': ['Old question (asked by Sarah)', 'A week old (asked by Sarah)'],
      Blockers: ['CI runners out of disk (Li)'],
    });
  });

  it('huddle: the pulse poll’s knowledge requests, most people first, with how many are blocked', () => {
    const knowledgeRequests = [
      { summary: 'the Kubernetes upgrade fails on the node pools', terms: ['kubernet'], people: 3, answers: [] },
      { summary: 'our transactional emails land in spam', terms: ['spam'], people: 1, answers: [] },
    ];
    expect(lists(compose(HUDDLE, [], { knowledgeRequests }))['Knowledge requests from the pulse poll']).toEqual([
      'the Kubernetes upgrade fails on the node pools (3 people blocked)',
      'our transactional emails land in spam (1 person blocked)',
    ]);
    expect(lists(compose(HUDDLE, []))['Knowledge requests from the pulse poll']).toBeUndefined();
    expect(lists(compose(AMA, [], { knowledgeRequests }))['Knowledge requests from the pulse poll']).toBeUndefined();
  });

  it("show & tell: the quarter's wins and stories, newest first, and who to invite (most items first)", () => {
    const inQuarter = (d: number, kind: Note['kind'], author: typeof sarah, takeaway: string) =>
      makeNote({ createdAt: NOW - d * DAY_MS, kind, author, takeaway });
    const notes = [
      inQuarter(10, 'win', omar, 'Cut build time in half'),
      inQuarter(20, 'story', li, 'How we migrated the queue'),
      inQuarter(30, 'story', omar, 'The outage we learned from'),
      inQuarter(120, 'win', sarah, 'Last quarter win'),
      inQuarter(5, 'insight', sarah, 'Not a win'),
    ];
    const post = compose(SHOW, notes);
    expect(post.day).toBe('2027-01-22');
    expect(lists(post)['Show & tell: Friday 22 January 2027']).toEqual([
      'Cut build time in half (win, Omar)',
      'How we migrated the queue (story, Li)',
      'The outage we learned from (story, Omar)',
    ]);
    expect(words(post.blocks)).toContain('Omar, Li: would you show us?');
  });

  it("win of the week: names the wins since last week's thread only", () => {
    // Threads on Fridays: the last one was Friday 2026-11-20, the next is 2026-11-27.
    const notes = [
      makeNote({
        createdAt: Date.parse('2026-11-19T23:00:00Z'),
        kind: 'win',
        author: li,
        takeaway: 'Before the thread',
      }),
      makeNote({
        createdAt: Date.parse('2026-11-20T09:00:00Z'),
        kind: 'win',
        author: omar,
        takeaway: 'Shipped search',
      }),
      makeNote({
        createdAt: Date.parse('2026-11-24T09:00:00Z'),
        kind: 'win',
        author: li,
        takeaway: 'First talk given',
      }),
    ];
    const post = compose(WINS, notes);
    expect(post.day).toBe('2026-11-27');
    expect(Object.values(lists(post))[0]).toEqual(['First talk given (Li)', 'Shipped search (Omar)']);
    expect(words(compose(WINS, []).blocks)).toContain('No win was harvested last week: be the first.');
  });

  it('people to thank: credit by reuse (avoided duplicates, others\' "me too"s and thanks), said as a person would', () => {
    const useful = makeNote({
      createdAt: NOW - 40 * DAY_MS,
      author: sarah,
      takeaway: 'Staging keys live in the vault',
    });
    const busy = Array.from({ length: 30 }, (_, i) =>
      makeNote({ createdAt: NOW - DAY_MS, author: omar, takeaway: `Busy ${i}` }),
    );
    const events: DigestEvent[] = [
      { type: 'duplicate-avoided', noteId: useful.id, at: NOW - DAY_MS },
      { type: 'duplicate-avoided', noteId: useful.id, at: NOW - 30 * DAY_MS }, // before the window
      { type: 'note-opened', noteId: busy[0]!.id, at: NOW - DAY_MS }, // opening is not reuse
    ];
    const thanks: DigestThank[] = [
      { id: 't1', noteId: useful.id, memberId: 'li', communityId: 'c1', createdAt: NOW - DAY_MS },
      { id: 't2', noteId: useful.id, memberId: 'sarah', communityId: 'c1', createdAt: NOW - DAY_MS }, // self-thanks
    ];
    const meToo = makeNote({ createdAt: NOW - DAY_MS, author: omar, links: { addsTo: useful.id } });
    const post = compose(WINS, [useful, ...busy, meToo], { events, thanks });
    expect(lists(post)['People to thank']).toEqual([
      'Thanks, Sarah — your note saved three people time this week: Staging keys live in the vault',
    ]);
  });

  it('property: more harvest without reuse never changes who is thanked', () => {
    const base = makeNote({ createdAt: NOW - 2 * DAY_MS, author: sarah });
    const events: DigestEvent[] = [{ type: 'duplicate-avoided', noteId: base.id, at: NOW - DAY_MS }];
    const before = lists(compose(WINS, [base], { events }))['People to thank'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(sarah, omar, li), { maxLength: 40 }), (authors) => {
        const extra = authors.map((author, i) => makeNote({ createdAt: NOW - (i % 6) * DAY_MS, author }));
        expect(lists(compose(WINS, [base, ...extra], { events }))['People to thank']).toEqual(before);
      }),
      { numRuns: 50 },
    );
  });

  it('property: a note from a private channel or a DM is never in any ritual post', () => {
    const kinds = ['question', 'win', 'story', 'insight'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            days: fc.nat(100),
            isPrivate: fc.boolean(),
            blocker: fc.boolean(),
          }),
        ),
        (specs) => {
          const notes = specs.map((s, i) =>
            makeNote({
              createdAt: NOW - s.days * DAY_MS,
              kind: s.kind,
              author: [sarah, omar, li][i % 3],
              takeaway: s.isPrivate ? `SECRET-${i}` : `public ${i}`,
              tags: s.blocker ? ['blocker'] : [],
              chat: s.isPrivate ? { platform: 'slack', messages: [], isPrivate: true } : undefined,
            }),
          );
          const events = notes.map((n) => ({ type: 'duplicate-avoided', noteId: n.id, at: NOW - 3_600_000 }));
          const extra = notes.map((n, i) =>
            makeNote({ createdAt: NOW - 1000, author: li, links: { addsTo: n.id }, takeaway: `me too ${i}` }),
          );
          for (const ritual of [AMA, HUDDLE, SHOW, WINS]) {
            const post = compose(ritual, [...notes, ...extra], { events });
            expect(JSON.stringify(post)).not.toContain('SECRET-');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is null for an unreadable anchor, and the same input gives the same post', () => {
    expect(
      composeRitualPost({
        ritual: { ...AMA, anchor: '2026-02-30' },
        communityId: 'c1',
        notes: [],
        events: [],
        thanks: [],
        now: NOW,
        timeZone: 'UTC',
      }),
    ).toBeNull();
    const notes = [q({ createdAt: NOW - 9 * DAY_MS })];
    expect(compose(HUDDLE, notes)).toEqual(compose(HUDDLE, [...notes]));
  });
});

describe('people to thank', () => {
  it('a question with "me too"s thanks no one: it is a shared need, not know-how reused', () => {
    const asked = q({ createdAt: NOW - 2 * DAY_MS });
    const meToo = makeNote({ createdAt: NOW - DAY_MS, author: li, links: { addsTo: asked.id } });
    expect(lists(compose(WINS, [asked, meToo]))['People to thank']).toBeUndefined();
  });
});
