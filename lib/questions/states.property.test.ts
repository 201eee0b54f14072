import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatContext, Note } from '../model';
import type { QuestionEvent } from './events';
import { HOUR_MS, LadderSchema, type Ladder } from './ladder';
import { questionStates } from './states';
import { answer, CM, confirmed, linked, meToo, question, relayed, T0 } from '../testing/questions';
import type { QuestionsInput } from './types';
import { announceable, huddleAgenda } from './views';

const MEMBERS = ['ann', 'bob', 'carol', 'dan', 'fac'];
const FACILITATORS = { [CM]: ['fac'] };
const WORDS = ['deploy', 'staging', 'password', 'rotate', 'cache', 'kafka', 'lag', 'budget', 'oncall', 'review'];

const hours = fc.integer({ min: 0, max: 24 * 14 });
const privacy = fc.constantFrom<ChatContext | undefined>(
  undefined,
  { platform: 'slack', channel: 'infra', messages: [], isPrivate: false },
  { platform: 'slack', channel: 'dm', messages: [], isPrivate: true },
  { platform: 'generic', messages: [] },
);
const ladderArb: fc.Arbitrary<Ladder> = fc
  .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }))
  .chain(([a, b, c]) =>
    fc.record({
      isEnabled: fc.constant(true),
      helpersAfterHours: fc.constant(a),
      facilitatorAfterHours: fc.constant(a + b),
      huddleAfterHours: fc.constant(a + b + c),
      isFirstTimeSkip: fc.boolean(),
    }),
  )
  .filter((l) => LadderSchema.safeParse(l).success);

interface QSpec {
  asker: string;
  createdH: number;
  chat: ChatContext | undefined;
  words: string[];
  answers: { by: string; h: number }[];
  events: { kind: 'relay' | 'yes' | 'no' | 'link' | 'me-too'; by: string; h: number }[];
}
const qSpec: fc.Arbitrary<QSpec> = fc.record({
  asker: fc.constantFrom(...MEMBERS),
  createdH: hours,
  chat: privacy,
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 6 }),
  answers: fc.array(fc.record({ by: fc.constantFrom(...MEMBERS), h: hours }), { maxLength: 2 }),
  events: fc.array(
    fc.record({
      kind: fc.constantFrom('relay', 'yes', 'no', 'link', 'me-too'),
      by: fc.constantFrom(...MEMBERS, 'stranger'),
      h: hours,
    }),
    { maxLength: 4 },
  ),
});
const scenarioArb = fc.record({
  questions: fc.array(qSpec, { minLength: 1, maxLength: 8 }),
  ladder: ladderArb,
  nowH: fc.integer({ min: 0, max: 24 * 30 }),
});
interface Scenario {
  questions: QSpec[];
  ladder: Ladder;
  nowH: number;
}

const at = (h: number) => T0 + h * HOUR_MS;

function build(s: Scenario): Omit<QuestionsInput, 'now'> {
  const notes: Note[] = [];
  const events: QuestionEvent[] = [];
  for (const spec of s.questions) {
    const q = question(spec.asker, {
      quote: `${spec.words.join(' ')}?`,
      createdAt: at(spec.createdH),
      updatedAt: at(spec.createdH),
      chat: spec.chat,
    });
    notes.push(q);
    const answers = spec.answers.map((a) => answer(q, a.by, at(spec.createdH + a.h)));
    notes.push(...answers);
    for (const e of spec.events) {
      const base = { questionId: q.id, by: e.by, at: at(spec.createdH + e.h) };
      const answerId = answers[0]?.id ?? q.id.replace(/.$/, 'f');
      if (e.kind === 'relay') events.push(relayed({ ...base, answerId }));
      else if (e.kind === 'yes') events.push(confirmed({ ...base, answerId, isAnswered: true }));
      else if (e.kind === 'no') events.push(confirmed({ ...base, answerId, isAnswered: false }));
      else if (e.kind === 'link') events.push(linked({ ...base, noteId: notes[0]!.id }));
      else events.push(meToo(base));
    }
  }
  return { notes, events, ladders: { [CM]: s.ladder }, facilitators: FACILITATORS };
}

describe('question state machine: properties (issue 16)', () => {
  it('no question is both resolved and escalated', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = questionStates({ ...build(s), now: at(s.nowH) });
        const resolved = new Set(r.questions.filter((q) => q.state === 'resolved').map((q) => q.questionId));
        for (const q of r.questions) {
          if (q.state === 'resolved') expect(q.escalations).toEqual([]);
          if (q.escalations.length) expect(['nudged', 'escalated']).toContain(q.state);
        }
        for (const e of r.due) expect(resolved.has(e.questionId)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('escalation times never go backwards: along the ladder, and as the clock moves on', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 24 * 10 }), (s, later) => {
        const input = build(s);
        const before = questionStates({ ...input, now: at(s.nowH) });
        const after = questionStates({ ...input, now: at(s.nowH + later) });
        for (const q of before.questions) {
          const times = q.escalations.map((e) => e.at);
          expect(times).toEqual([...times].sort((a, b) => a - b));
          for (const t of times) expect(t).toBeLessThanOrEqual(at(s.nowH));
          if (q.nextEscalationAt !== undefined) expect(q.nextEscalationAt).toBeGreaterThan(at(s.nowH));
          const next = after.questions.find((x) => x.questionId === q.questionId)!;
          for (const e of next.escalations) {
            const was = q.escalations.find((x) => x.rung === e.rung);
            if (was) expect(e.at).toBeGreaterThanOrEqual(was.at);
          }
        }
        const dueTimes = after.due.map((e) => e.at);
        expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it('a first-time asker is never escalated later than the same question from someone who asked before', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, pick) => {
        const input = build(s);
        const firsts = questionStates({ ...input, now: at(s.nowH) }).questions.filter(
          (q) => q.isFirstTime && q.escalations.length,
        );
        fc.pre(firsts.length > 0);
        const target = firsts[pick % firsts.length]!;
        // The same world, except the asker had asked once before (long ago, answered and resolved).
        const asker = target.askerId!;
        const old = question(asker, { quote: 'An old question about lunch', createdAt: at(-999), updatedAt: at(-999) });
        const oldYes = confirmed({ questionId: old.id, by: asker, at: at(-998), isAnswered: true });
        const seasoned = questionStates({
          ...input,
          notes: [old, ...input.notes],
          events: [...input.events, oldYes],
          now: at(s.nowH),
        }).questions.find((q) => q.questionId === target.questionId)!;
        expect(seasoned.isFirstTime).toBe(false);
        for (const e of seasoned.escalations) {
          const mine = target.escalations.find((x) => x.rung === e.rung);
          expect(mine, `first-timer reached ${e.rung} too`).toBeDefined();
          expect(mine!.at).toBeLessThanOrEqual(e.at);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a question from a private channel or DM (or a chat that cannot tell) is never announced to a channel', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = questionStates({ ...build(s), now: at(s.nowH) });
        const isPrivate = new Set(r.questions.filter((q) => q.isPrivate).map((q) => q.questionId));
        for (const e of r.due) if (isPrivate.has(e.questionId)) expect(e.isAnnounced).toBe(false);
        for (const e of huddleAgenda(r, CM)) expect(isPrivate.has(e.questionId)).toBe(false);
        for (const q of announceable(r.questions)) expect(q.isPrivate).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the order events arrive in changes nothing (sync may deliver them in any order)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, seed) => {
        const input = build(s);
        const shuffled = [...input.events].sort((a, b) => ((a.id + seed).localeCompare(b.id) > 0 ? 1 : -1));
        const a = questionStates({ ...input, now: at(s.nowH) });
        const b = questionStates({ ...input, events: shuffled, notes: [...input.notes], now: at(s.nowH) });
        expect(b.due).toEqual(a.due);
        expect(b.questions.map((q) => q.state)).toEqual(a.questions.map((q) => q.state));
      }),
      { numRuns: 200 },
    );
  });
});
