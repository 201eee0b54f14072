import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatContext, Note } from '../model';
import type { QuestionEvent } from '../questions/events';
import { answer, confirmed, question, T0 } from '../testing/questions';
import { collectEvidence } from './evidence';
import { buildProfiles } from './profile';
import { routeQuestion } from './route';
import { DAY_MS, HALF_LIFE_DAYS, type Evidence } from './types';

const MEMBERS = ['ann', 'bob', 'carol', 'dan', 'eve', 'fay'];
const TAGS = ['vpn', 'kafka', 'deploy', 'budget', 'oncall'];
const PUBLIC: ChatContext = { platform: 'slack', channel: 'infra', messages: [], isPrivate: false };
const DM: ChatContext = { platform: 'slack', channel: 'dm', messages: [], isPrivate: true };

const thread = fc.record({
  asker: fc.constantFrom(...MEMBERS),
  answerer: fc.constantFrom(...MEMBERS),
  tag: fc.constantFrom(...TAGS),
  days: fc.integer({ min: 0, max: 400 }),
  isPrivate: fc.boolean(),
  isConfirmed: fc.boolean(),
});

type Thread = typeof thread extends fc.Arbitrary<infer T> ? T : never;

function harvest(threads: Thread[]) {
  const notes: Note[] = [];
  const events: QuestionEvent[] = [];
  for (const t of threads) {
    const at = T0 + t.days * DAY_MS;
    const q = question(t.asker, { tags: [t.tag], createdAt: at, updatedAt: at, chat: t.isPrivate ? DM : PUBLIC });
    const a = answer(q, t.answerer, at + 1000);
    notes.push(q, a);
    if (t.isConfirmed)
      events.push(confirmed({ questionId: q.id, by: t.asker, at: at + 2000, answerId: a.id, isAnswered: true }));
  }
  return collectEvidence({ notes, events, thanks: [] });
}
const NOW = T0 + 500 * DAY_MS;

describe('expertise properties', () => {
  it('an opted-out member or the asker is never suggested, and at most three are', () => {
    fc.assert(
      fc.property(
        fc.array(thread, { maxLength: 40 }),
        fc.subarray(MEMBERS),
        fc.constantFrom(...MEMBERS),
        fc.subarray(TAGS, { minLength: 1 }),
        (threads, optedOut, asker, topics) => {
          const profiles = buildProfiles(harvest(threads), { now: NOW, viewerId: null });
          const out = routeQuestion({ topics, askerId: asker, profiles, optedOut: new Set(optedOut) });
          expect(out.length).toBeLessThanOrEqual(3);
          for (const s of out) {
            expect(optedOut).not.toContain(s.memberId);
            expect(s.memberId).not.toBe(asker);
            expect(s.reasons.length).toBeGreaterThan(0);
          }
          expect(new Set(out.map((s) => s.memberId)).size).toBe(out.length);
        },
      ),
    );
  });

  it('private evidence never raises what others see, only the member’s own view', () => {
    fc.assert(
      fc.property(
        fc.array(thread, { maxLength: 30 }),
        fc.array(thread, { minLength: 1, maxLength: 10 }),
        (pub, priv) => {
          const publicOnly = harvest(pub.map((t) => ({ ...t, isPrivate: false })));
          const withPrivate = harvest([
            ...pub.map((t) => ({ ...t, isPrivate: false })),
            ...priv.map((t) => ({ ...t, isPrivate: true })),
          ]);
          const a = buildProfiles(publicOnly, { now: NOW, viewerId: null });
          const b = buildProfiles(withPrivate, { now: NOW, viewerId: null });
          expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
          for (const [id, p] of b) {
            expect(p.total).toBeCloseTo(a.get(id)!.total, 9);
            expect(p.evidence.every((e) => !e.isPrivate)).toBe(true);
          }
          const own = priv[0]!.answerer;
          if (priv[0]!.asker !== own) {
            const mine = buildProfiles(withPrivate, { now: NOW, viewerId: own }).get(own)!;
            expect(mine.evidence.some((e) => e.isPrivate)).toBe(true);
          }
        },
      ),
    );
  });

  it('evidence decays: the same help a half-life older weighs half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (days) => {
        const e = (at: number): Evidence => ({
          memberId: 'ann',
          kind: 'answered',
          noteId: 'n',
          at,
          where: '',
          topics: ['vpn'],
          isPrivate: false,
        });
        const now = T0 + 2000 * DAY_MS;
        const young = buildProfiles([e(now - days * DAY_MS)], { now, viewerId: null }).get('ann')!.total;
        const old = buildProfiles([e(now - (days + HALF_LIFE_DAYS) * DAY_MS)], { now, viewerId: null }).get(
          'ann',
        )!.total;
        expect(old).toBeCloseTo(young / 2, 9);
      }),
    );
  });
});

describe('routing', () => {
  const ev = (memberId: string, n: number, topic = 'vpn'): Evidence[] =>
    Array.from({ length: n }, (_, i) => ({
      memberId,
      kind: 'answered' as const,
      noteId: `${memberId}-${i}`,
      at: T0 - i * DAY_MS,
      where: '#infra',
      topics: [topic],
      isPrivate: false,
    }));
  const profiles = buildProfiles(
    [...ev('ann', 9), ...ev('bob', 6), ...ev('carol', 5), ...ev('dan', 1), ...ev('eve', 4, 'kafka')],
    {
      now: T0,
      viewerId: null,
    },
  );

  it('ranks for fit, keeps a slot for a rising helper, and says why with links', () => {
    const out = routeQuestion({ topics: ['vpn'], profiles, optedOut: new Set() });
    expect(out.map((s) => s.memberId)).toEqual(['ann', 'bob', 'dan']);
    expect(out[2]!.isRising).toBe(true);
    expect(out[0]!.reasons[0]).toEqual({
      text: 'answered 9 questions on vpn in #infra',
      noteIds: ev('ann', 9).map((e) => e.noteId),
    });
    expect(out.some((s) => s.memberId === 'eve')).toBe(false);
  });

  it('people asked often lately rank lower', () => {
    const out = routeQuestion({ topics: ['vpn'], profiles, optedOut: new Set(), recentAsks: new Map([['ann', 4]]) });
    expect(out.map((s) => s.memberId)).toEqual(['bob', 'carol', 'dan']);
  });
});
