import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../model';
import { answer, linked, meToo, question, relayed, T0 } from '../testing/questions';
import { askLoad, asksFrom, ASK_HALF_LIFE_DAYS, ASK_HORIZON_DAYS } from './asks';
import { whoMightKnow } from './panel';
import { routeQuestion, RISING_MAX_ANSWERS } from './route';
import { DAY_MS, type Profile } from './types';

const privateChat = { platform: 'slack' as const, channel: 'ops-private', messages: [], isPrivate: true };

describe('asksFrom', () => {
  it('counts answers, linked answers and relays of others’ questions, once per member and question', () => {
    const q1 = question('ann', { tags: ['vpn'] });
    const q2 = question('ann', { tags: ['vpn'] });
    const own = question('bea', { tags: ['vpn'] });
    const secret = question('ann', { tags: ['vpn'], chat: privateChat });
    const beaOld = answer(own, 'cy', T0 + 1);
    const notes = [q1, q2, own, secret, answer(q1, 'bea', T0 + 10), answer(own, 'bea', T0 + 11), beaOld];
    notes.push(answer(secret, 'dan', T0 + 12));
    const asks = asksFrom({
      notes,
      events: [
        relayed({ questionId: q1.id, by: 'bea', at: T0 + 20, answerId: notes[4]!.id }),
        linked({ questionId: q2.id, by: 'ann', at: T0 + 30, noteId: beaOld.id }),
        relayed({ questionId: q2.id, by: 'ann', at: T0 + 40, answerId: beaOld.id }),
        meToo({ questionId: q1.id, by: 'eve', at: T0 + 50 }),
      ],
    });
    const seen = asks.map((a) => [a.memberId, a.questionId, a.at - T0]).sort();
    expect(seen).toEqual(
      [
        ['bea', q1.id, 20], // answered at +10, relayed at +20: one ask, the latest
        ['cy', own.id, 1],
        ['cy', q2.id, 30], // cy's existing note linked as q2's answer
      ].sort(),
    );
    // Nobody is asked their own question (bea answering hers, ann relaying to hers); a me-too is no ask; the
    // private question's answer (dan) never counts.
  });

  it('decays: an ask today weighs 1, one a half-life ago ½, none past the horizon or in the future', () => {
    const now = T0 + 100 * DAY_MS;
    const load = askLoad(
      [
        { memberId: 'a', at: now },
        { memberId: 'b', at: now - ASK_HALF_LIFE_DAYS * DAY_MS },
        { memberId: 'c', at: now - ASK_HORIZON_DAYS * DAY_MS },
        { memberId: 'd', at: now + 1 },
        { memberId: 'e', at: now },
        { memberId: 'e', at: now - 2 * ASK_HALF_LIFE_DAYS * DAY_MS },
        { memberId: 'a', at: Number.NaN },
      ],
      now,
    );
    expect(Object.fromEntries(load)).toEqual({ a: 1, b: 0.5, e: 1.25 });
  });
});

describe('the panel feeds routing with asks', () => {
  it('puts the member who answered three questions this week below an equally fit one who answered long ago', () => {
    const now = T0 + 400 * DAY_MS;
    const notes: Note[] = [];
    // Both answered two vpn questions a year ago: the same fit.
    for (const who of ['bea', 'cy'])
      for (let i = 0; i < 2; i++) {
        const q = question('ann', { tags: ['vpn'], createdAt: T0, updatedAt: T0 });
        notes.push(q, answer(q, who, T0 + 1));
      }
    const open = question('ann', { tags: ['vpn'], createdAt: now - 1, updatedAt: now - 1 });
    notes.push(open);
    const run = (extra: typeof notes) =>
      whoMightKnow({
        notes: [...notes, ...extra],
        events: [],
        thanks: [],
        questionIds: [open.id],
        optedOut: new Set(),
        now,
      })[open.id]!.map((h) => h.memberId);
    expect(run([])).toEqual(['bea', 'cy']); // a tie: by id
    // Bea answered three budget questions this week: no vpn fit gained, but she was asked lately.
    const busy: Note[] = [];
    for (let i = 0; i < 3; i++) {
      const q = question('dan', {
        tags: ['budget'],
        quote: 'Budget for the offsite?',
        createdAt: now - DAY_MS,
        updatedAt: now - DAY_MS,
      });
      busy.push(q, answer(q, 'bea', now - DAY_MS + 1));
    }
    expect(run(busy)).toEqual(['cy', 'bea']);
  });
});

const MEMBERS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];
const TOPICS = ['vpn', 'kafka', 'deploy', 'budget'];

const profileArb = (memberId: string) =>
  fc
    .record({
      weights: fc.array(fc.double({ min: 0.01, max: 20, noNaN: true }), {
        minLength: TOPICS.length,
        maxLength: TOPICS.length,
      }),
      has: fc.array(fc.boolean(), { minLength: TOPICS.length, maxLength: TOPICS.length }),
      answers: fc.integer({ min: 0, max: 8 }),
    })
    .map(({ weights, has, answers }): Profile => ({
      memberId,
      topics: new Map(TOPICS.flatMap((t, i) => (has[i] ? [[t, weights[i]!] as const] : []))),
      total: 1,
      answers,
      evidence: [],
    }));

const world = fc.record({
  profiles: fc.tuple(...MEMBERS.map(profileArb)),
  twin: fc.constantFrom(...MEMBERS),
  /** Ask ages in days for every member, the twin included. */
  asks: fc.array(
    fc.record({ member: fc.constantFrom(...MEMBERS, 'a-twin'), days: fc.double({ min: 0, max: 40, noNaN: true }) }),
    {
      maxLength: 30,
    },
  ),
  moreAsks: fc.array(fc.double({ min: 0, max: 27, noNaN: true }), { minLength: 1, maxLength: 6 }),
  topics: fc.subarray(TOPICS, { minLength: 1 }),
  limit: fc.constantFrom(2 as const, 3 as const),
});

describe('asked lately, properties', () => {
  const NOW = T0 + 1000 * DAY_MS;
  it('a member asked more lately never ranks above an equally fit member asked less', () => {
    fc.assert(
      fc.property(world, ({ profiles, twin, asks, moreAsks, topics, limit }) => {
        const original = profiles.find((p) => p.memberId === twin)!;
        // "a-twin" (sorts before every mN, so a tie would put it first): the same profile under another id, asked everything the original was and more.
        const all = new Map(profiles.map((p) => [p.memberId, p]));
        all.set('a-twin', { ...original, memberId: 'a-twin' });
        const list = asks.map((a) => ({
          memberId: a.member === 'a-twin' ? twin : a.member,
          at: NOW - a.days * DAY_MS,
        }));
        const twinAsks = [
          ...list.filter((a) => a.memberId === twin).map((a) => ({ ...a, memberId: 'a-twin' })),
          ...moreAsks.map((d) => ({ memberId: 'a-twin', at: NOW - d * DAY_MS })),
        ];
        const load = askLoad([...list, ...twinAsks], NOW);
        const out = routeQuestion({ topics, profiles: all, optedOut: new Set(), recentAsks: load, limit }).map(
          (s) => s.memberId,
        );
        const i = out.indexOf(twin);
        const j = out.indexOf('a-twin');
        if (j >= 0) expect(i).toBeGreaterThanOrEqual(0);
        if (j >= 0) expect(i).toBeLessThan(j);
      }),
      { numRuns: 300 },
    );
  });

  it('the rising-helper slot still fills whatever the load', () => {
    fc.assert(
      fc.property(world, ({ profiles, asks, topics, limit }) => {
        const all = new Map(profiles.map((p) => [p.memberId, p]));
        const load = askLoad(
          asks.map((a) => ({ memberId: a.member, at: NOW - a.days * DAY_MS })),
          NOW,
        );
        const out = routeQuestion({ topics, profiles: all, optedOut: new Set(), recentAsks: load, limit });
        const chosen = new Set(out.filter((s) => !s.isRising).map((s) => s.memberId));
        const fits = (p: Profile) => topics.some((t) => p.topics.has(t));
        const risingLeft = profiles.some(
          (p) => fits(p) && !chosen.has(p.memberId) && p.answers >= 1 && p.answers <= RISING_MAX_ANSWERS,
        );
        // A rising helper who fits and was not already among the best gets the last slot.
        expect(out.some((s) => s.isRising)).toBe(risingLeft);
        if (risingLeft) expect(out.at(-1)!.isRising).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
