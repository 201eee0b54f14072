import { describe, expect, it } from 'vitest';
import { hostMatchers, threadContextAt } from '../capture/chat';
import { slack } from '../capture/chat/adapters/slack';
import type { ChatContext, PageContext } from '../model';
import { NoteDraftSchema } from '../model';
import { loadFixtures, locationOf } from '../../tests/fixtures/chat/load';
import { CM, question } from '../testing/questions';
import { harvestBackDrafts } from './harvest-back-drafts';
import { listedQuestions, planHarvestBack, questionAnsweredBy } from './harvest-back';
import { parseOccurrenceMarker } from './marker';

const fixture = loadFixtures('slack').find((f) => f.name === 'ritual-ama')!;

/** What "Harvest thread" reads on the fixture: the adapter's threadOf around the first reply. */
function readThread(): ChatContext {
  const { doc } = fixture.open();
  const reply = slack.messagesIn(doc)[1]!;
  return threadContextAt(reply, doc, locationOf(fixture.expected.url), { matchers: hostMatchers('app.slack.com') })!;
}

// Asked before the AMA of 4 February 2021 (the fixture's thread).
const asked = { createdAt: Date.UTC(2021, 0, 20), updatedAt: Date.UTC(2021, 0, 20) };
const keys = question('u-rowan', { quote: 'How do we rotate the deploy keys without downtime?', ...asked });
const flags = question('u-ines', { quote: 'Where should feature flags live?', ...asked });
// Not listed by this post: another occurrence's question, close in words to a reply in this thread.
const staging = question('u-odette', { quote: 'How do we rotate the staging database password?', ...asked });
const page: PageContext = { url: fixture.expected.url, canonicalUrl: fixture.expected.url, title: 'general' };

describe('harvest-back on a real Slack thread whose root is our AMA post (slack/ritual-ama.html)', () => {
  it('reads the root as the AMA of 4 February 2021, and the listed questions from its words', () => {
    const chat = readThread();
    expect(chat.loadedCount).toBe(11);
    expect(parseOccurrenceMarker(chat.threadRoot!.text)).toEqual({ kind: 'ama', day: '2021-02-04' });
    expect(listedQuestions(chat.threadRoot!.text, [keys, flags, staging], CM, '2021-02-04')).toEqual([keys, flags]);
    expect(listedQuestions(chat.threadRoot!.text, [keys, flags], 'another-community', '2021-02-04')).toEqual([]);
    // The same words asked after the AMA belong to a later occurrence.
    const later = question('u-rowan', { quote: keys.quote, createdAt: Date.UTC(2021, 1, 10) });
    expect(listedQuestions(chat.threadRoot!.text, [later], CM, '2021-02-04')).toEqual([]);
  });

  it('proposes one note per reply: quoting replies answer their question, the rest are insights', () => {
    const chat = readThread();
    const plan = planHarvestBack({
      chat,
      occurrence: parseOccurrenceMarker(chat.threadRoot!.text)!,
      questions: [keys, flags, staging],
      questionCommunityId: CM,
      harvested: [],
    });
    expect(plan.proposals).toHaveLength(10);
    expect(plan.duplicates).toBe(0);
    const got = plan.proposals.map((p) => [p.message.author, p.kind, p.answers?.quote ?? null]);
    expect(got).toEqual([
      ['kit_ferro', 'answer', keys.quote],
      ['Rowan Vale', 'insight', null],
      ['kit_ferro', 'answer', flags.quote],
      ['pell', 'insight', null],
      ['tomasz', 'answer', keys.quote],
      ['tomasz', 'insight', null],
      ['Ines Marlow', 'insight', null],
      ['Ines Marlow', 'answer', keys.quote],
      // Odette asks the staging question, which this post did not list: no link to it.
      ['odette_q', 'insight', null],
      ['odette_q', 'insight', null],
    ]);
  });

  it('skips and counts replies already harvested, by message identity', () => {
    const chat = readThread();
    const occurrence = parseOccurrenceMarker(chat.threadRoot!.text)!;
    const first = planHarvestBack({
      chat,
      occurrence,
      questions: [keys, flags],
      questionCommunityId: CM,
      harvested: [],
    });
    const drafts = harvestBackDrafts(first.proposals.slice(0, 3), { chat, page, communityId: CM, ritual: 'ama' });
    const stored = drafts.map((d, i) => question('me', { ...d, createdAt: i }));
    const again = planHarvestBack({
      chat,
      occurrence,
      questions: [keys, flags],
      questionCommunityId: CM,
      harvested: stored,
    });
    expect(again.duplicates).toBe(3);
    expect(again.proposals.map((p) => p.message.id)).toEqual(first.proposals.slice(3).map((p) => p.message.id));
  });

  it('makes valid drafts: the reply quoted and credited to its author, the answer linked, tagged by ritual', () => {
    const chat = readThread();
    const plan = planHarvestBack({
      chat,
      occurrence: { kind: 'ama', day: '2021-02-04' },
      questions: [keys, flags],
      questionCommunityId: CM,
      harvested: [],
    });
    const drafts = harvestBackDrafts(plan.proposals, { chat, page, communityId: CM, ritual: 'ama' });
    for (const d of drafts) expect(NoteDraftSchema.safeParse(d).success).toBe(true);
    expect(drafts[0]).toMatchObject({
      kind: 'answer',
      links: { answers: keys.id },
      communityId: CM,
      tags: ['ama'],
      contributors: [{ id: 'slack:U0AAAA0002', name: 'kit_ferro' }],
      quote:
        'How do we rotate the deploy keys without downtime?\nIssue the new key first, run both for a day, then revoke the old one.',
    });
    expect(drafts[0]!.chat).toMatchObject({ isThread: true, threadRoot: { id: '1612469638.214000' } });
    expect(drafts[0]!.chat!.messages).toHaveLength(1);
  });

  it('makes show & tell replies stories and Win-of-the-Week replies wins, never answers', () => {
    const chat = readThread();
    for (const [kind, note] of [
      ['show-and-tell', 'story'],
      ['win-thread', 'win'],
    ] as const) {
      const plan = planHarvestBack({
        chat,
        occurrence: { kind, day: '2021-02-04' },
        questions: [keys, flags],
        questionCommunityId: CM,
        harvested: [],
      });
      expect(plan.listed).toEqual([]);
      expect(new Set(plan.proposals.map((p) => p.kind))).toEqual(new Set([note]));
    }
  });

  it('answers no question when a reply restates two listed ones equally', () => {
    expect(
      questionAnsweredBy('where should flags live, and where should keys live?', [
        question('a', { quote: 'Where should flags live?' }),
        question('b', { quote: 'Where should keys live?' }),
      ]),
    ).toBeUndefined();
  });
});
