import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../digest/time';
import type { Ritual } from '../digest/types';
import type { ChatContext, ChatMessage, Note, PageContext } from '../model';
import { makeNote } from '../testing/make-note';
import { composeRitualPost } from './compose';
import { plainOf, type RitualPost } from './document';
import { harvestBackDrafts } from './harvest-back-drafts';
import { planHarvestBack } from './harvest-back';
import { parseOccurrenceMarker } from './marker';

const CM = 'c1';
const OTHER = 'c2';
const AMA: Ritual = { id: 'ama', kind: 'ama', title: 'Ask me anything', cadence: 'monthly', anchor: '2026-01-15' };
const NOW = Date.parse('2026-11-25T12:00:00Z'); // the post for the AMA of 15 December 2026
const WORDS = ['deploy', 'keys', 'rotate', 'cache', 'flags', 'staging', 'vault', 'kafka', 'budget', 'review'];
// One distinct word per question, so titles never collide and "the post printed it" has one meaning.
const NAMES = Array.from({ length: 40 }, (_, i) => `topic${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
const page: PageContext = {
  url: 'https://example.slack.com/t',
  canonicalUrl: 'https://example.slack.com/t',
  title: 't',
};

/** A post as the thread shows it back: every block's words, one line each (how a chat app renders it). */
const asShown = (post: RitualPost) =>
  post.blocks
    .map((b) =>
      b.type === 'heading'
        ? b.text
        : b.type === 'divider'
          ? ''
          : b.type === 'list'
            ? b.items.map(plainOf).join('\n')
            : plainOf(b.content),
    )
    .join('\n');

const questionArb = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 }),
  community: fc.constantFrom(CM, CM, OTHER),
  // Days from the post: before it (may be listed) or after the occurrence (a later occurrence's question).
  dayOffset: fc.integer({ min: -60, max: 60 }),
  isPrivate: fc.boolean(),
  isAnswered: fc.boolean(),
});

const scenario = fc.record({
  questions: fc.array(questionArb, { minLength: 1, maxLength: 25 }),
  replies: fc.array(
    fc.record({
      quotes: fc.nat(40),
      extra: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }),
      isQuote: fc.boolean(),
    }),
    { minLength: 1, maxLength: 20 },
  ),
  threadPrivate: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const notes: Note[] = [];
  const questions = s.questions.map((g, i) => {
    const at = NOW + g.dayOffset * DAY_MS;
    const q = makeNote({
      kind: 'question',
      takeaway: `${g.words.join(' ')} ${NAMES[i]}?`,
      communityId: g.community,
      author: { id: `m${i % 4}`, name: `m${i % 4}` },
      createdAt: at,
      updatedAt: at,
      chat: { platform: 'slack', messages: [], isPrivate: g.isPrivate },
    });
    notes.push(q);
    if (g.isAnswered)
      notes.push(makeNote({ kind: 'answer', communityId: g.community, links: { answers: q.id }, createdAt: at + 1 }));
    return q;
  });
  // The composer sees only what existed when it composed: the post lists the questions open then.
  const post = composeRitualPost({
    ritual: AMA,
    communityId: CM,
    notes: notes.filter((n) => n.createdAt <= NOW),
    events: [],
    thanks: [],
    now: NOW,
    timeZone: 'UTC',
  })!;
  const root: ChatMessage = { id: 'root', author: 'fay', text: asShown(post), isRoot: true };
  const replies: ChatMessage[] = s.replies.map((r, i) => {
    const target = questions[r.quotes % questions.length]!;
    return {
      id: `r${i}`,
      author: `m${i % 5}`,
      text: `${r.isQuote ? target.takeaway : ''} ${r.extra.join(' ')}`.trim() || 'ok',
    };
  });
  const chat: ChatContext = {
    platform: 'slack',
    channel: 'general',
    isPrivate: s.threadPrivate,
    threadRoot: root,
    isThread: true,
    messages: [root, ...replies],
    loadedCount: replies.length + 1,
  };
  const printed = new Set(
    post.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((item) => plainOf(item.slice(0, 1))) : [])),
  );
  return { questions, chat, post, printed };
}

describe('harvest-back properties', () => {
  it('a reply never becomes an answer to a question this occurrence’s post did not list', () => {
    // The property would hold vacuously if no reply ever answered, or none quoted an unlisted question.
    let linked = 0;
    let quotedUnlisted = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const { questions, chat, printed } = build(s);
        const occurrence = parseOccurrenceMarker(chat.threadRoot!.text);
        expect(occurrence).toEqual({ kind: 'ama', day: '2026-12-15' });
        const plan = planHarvestBack({
          chat,
          occurrence: occurrence!,
          questions,
          questionCommunityId: CM,
          harvested: [],
        });
        for (const p of plan.proposals) {
          if (!p.answers) continue;
          expect(p.kind).toBe('answer');
          expect(p.answers.communityId).toBe(CM);
          expect(p.answers.createdAt).toBeLessThanOrEqual(NOW);
          expect(printed.has(p.answers.takeaway)).toBe(true);
          linked++;
        }
        for (const r of chat.messages.slice(1)) {
          if (questions.some((q) => !printed.has(q.takeaway!) && r.text.startsWith(q.takeaway!))) quotedUnlisted++;
        }
        expect(plan.proposals).toHaveLength(s.replies.length);
      }),
      { numRuns: 200 },
    );
    expect(linked).toBeGreaterThan(50);
    expect(quotedUnlisted).toBeGreaterThan(50);
  });

  it('notes from a private channel or DM stay private: no community, and no link to a community question', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom<string | null>(CM, OTHER, null), (s, chosen) => {
        const { questions, chat } = build({ ...s, threadPrivate: true });
        const plan = planHarvestBack({
          chat,
          occurrence: { kind: 'ama', day: '2026-12-15' },
          questions,
          questionCommunityId: CM,
          harvested: [],
        });
        const drafts = harvestBackDrafts(plan.proposals, { chat, page, communityId: chosen, ritual: 'ama' });
        for (const d of drafts) {
          expect(d.communityId).toBeNull();
          expect(d.links?.answers).toBeUndefined();
          expect(d.kind).not.toBe('answer');
        }
      }),
      { numRuns: 200 },
    );
  });
});
