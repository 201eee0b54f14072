import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, HOUR_MS, LadderSchema } from './ladder';
import { questionStates } from './states';
import { answer, CM, confirmed, linked, meToo, publicChat, question, relayed, T0 } from '../testing/questions';
import { escalatedTo, huddleAgenda } from './views';

const FAC = ['fac'];
const at = (h: number) => T0 + h * HOUR_MS;

/** Sarah asked before (so Ann is not new), Bob answered her: Bob is the helper for a similar question. */
function community() {
  const earlier = question('ann', {
    quote: 'Where is the on-call rota for the payments team kept?',
    createdAt: at(-100),
    updatedAt: at(-100),
  });
  const sarahs = question('sarah', {
    quote: 'How do we rotate the staging database password with no downtime at all?',
    createdAt: at(-90),
    updatedAt: at(-90),
  });
  const bobs = answer(sarahs, 'bob', at(-80));
  const resolveOld = [confirmed({ questionId: sarahs.id, by: 'sarah', at: at(-79), isAnswered: true })];
  const q = question('ann');
  return { q, notes: [earlier, sarahs, bobs, q], events: resolveOld };
}

describe('questionStates', () => {
  it('climbs open → nudged (similar answerers, 12 h) → escalated (facilitator, 48 h; huddle, 72 h)', () => {
    const { q, notes, events } = community();
    const run = (h: number) => questionStates({ notes, events, now: at(h), facilitators: { [CM]: FAC } });
    const s = (h: number) => run(h).questions.find((x) => x.questionId === q.id)!;
    expect(s(11.9)).toMatchObject({ state: 'open', escalations: [], nextEscalationAt: at(12) });
    expect(s(12)).toMatchObject({ state: 'nudged', since: at(12) });
    expect(s(12).escalations).toEqual([
      { questionId: q.id, communityId: CM, rung: 'helpers', at: at(12), audience: ['bob'], isAnnounced: false },
    ]);
    expect(s(48)).toMatchObject({ state: 'escalated', since: at(48), nextEscalationAt: at(72) });
    expect(s(48).escalations.map((e) => [e.rung, e.audience])).toEqual([
      ['helpers', ['bob']],
      ['facilitator', ['fac']],
    ]);
    const toMe = (h: number, me: string) => escalatedTo(run(h), [me]).filter((x) => x.status.questionId === q.id);
    expect(toMe(12, 'bob').map((x) => x.escalation.rung)).toEqual(['helpers']);
    expect(toMe(12, 'fac')).toEqual([]);
    expect(toMe(48, 'fac').map((x) => x.escalation.rung)).toEqual(['facilitator']);
    const agenda = (h: number) => huddleAgenda(run(h), CM).filter((e) => e.questionId === q.id);
    expect(agenda(71)).toEqual([]);
    expect(agenda(72).map((e) => e.at)).toEqual([at(72)]);
  });

  it('never puts a member who opted out of who-knows-what in the helpers rung', () => {
    const { q, notes, events } = community();
    const r = questionStates({
      notes,
      events,
      now: at(12),
      facilitators: { [CM]: FAC },
      expertiseOptOuts: new Set(['bob']),
    });
    const helpers = r.questions.find((x) => x.questionId === q.id)!.escalations.find((e) => e.rung === 'helpers');
    expect(helpers?.audience ?? []).not.toContain('bob');
  });

  it('a first-time asker skips a step: the facilitator sees it at 12 h, the huddle at 48 h', () => {
    const q = question('newcomer');
    const r = questionStates({ notes: [q], events: [], now: at(48), facilitators: { [CM]: FAC } });
    const s = r.questions[0]!;
    expect(s.isFirstTime).toBe(true);
    expect(s.escalations.map((e) => [e.rung, e.at])).toEqual([
      ['helpers', at(12)],
      ['facilitator', at(12)],
      ['huddle', at(48)],
    ]);
  });

  it('answered, relayed, then resolved only by the asker or a facilitator', () => {
    const { q, notes, events } = community();
    const a = answer(q, 'bob', at(20));
    const all = [...notes, a];
    const base = { notes: all, facilitators: { [CM]: FAC } };
    const stateAt = (evs: typeof events, h: number) =>
      questionStates({ ...base, events: [...events, ...evs], now: at(h) }).questions.find(
        (x) => x.questionId === q.id,
      )!;
    expect(stateAt([], 30)).toMatchObject({ state: 'answered', answerIds: [a.id], escalations: [], since: at(20) });
    const relay = relayed({ questionId: q.id, answerId: a.id, by: 'bob', at: at(21) });
    expect(stateAt([relay], 30)).toMatchObject({ state: 'relayed', relayedAt: at(21) });
    const byStranger = confirmed({ questionId: q.id, by: 'mallory', at: at(22), isAnswered: true });
    expect(stateAt([relay, byStranger], 30).state).toBe('relayed');
    const byAsker = confirmed({ questionId: q.id, by: 'ann', at: at(22), isAnswered: true });
    expect(stateAt([relay, byAsker], 30)).toMatchObject({ state: 'resolved', resolvedAt: at(22) });
    const byFac = confirmed({ questionId: q.id, by: 'fac', at: at(23), isAnswered: true });
    expect(stateAt([byFac], 30).state).toBe('resolved');
  });

  it('"it did not answer it" drops the answers and restarts the ladder from then', () => {
    const { q, notes, events } = community();
    const a = answer(q, 'bob', at(5));
    const no = confirmed({ questionId: q.id, answerId: a.id, by: 'ann', at: at(10), isAnswered: false });
    const r = questionStates({
      notes: [...notes, a],
      events: [...events, no],
      now: at(40),
      facilitators: { [CM]: FAC },
    });
    const s = r.questions.find((x) => x.questionId === q.id)!;
    expect(s).toMatchObject({ state: 'nudged', answerIds: [], since: at(22), nextEscalationAt: at(58) });
  });

  it('links an existing note as an answer, counts me-toos once per other member', () => {
    const { q, notes, events } = community();
    const old = question('carol', { kind: 'insight', createdAt: at(-200), updatedAt: at(-200) });
    const addsTo = question('dan', { links: { addsTo: q.id }, createdAt: at(1), updatedAt: at(1) });
    const evs = [
      ...events,
      linked({ questionId: q.id, noteId: old.id, by: 'erin', at: at(3) }),
      meToo({ questionId: q.id, by: 'dan', at: at(2) }),
      meToo({ questionId: q.id, by: 'erin', at: at(2) }),
      meToo({ questionId: q.id, by: 'ann', at: at(2) }),
    ];
    const s = questionStates({ notes: [...notes, old, addsTo], events: evs, now: at(4) }).questions.find(
      (x) => x.questionId === q.id,
    )!;
    expect(s).toMatchObject({ state: 'answered', answerIds: [old.id], meToo: 2 });
  });

  it('a private question never goes onto the huddle agenda; a chat that cannot tell counts as private', () => {
    const dm = question('newcomer', { chat: { ...publicChat, isPrivate: true } });
    const unsure = question('other', { chat: { platform: 'generic', messages: [] } });
    const page = question('third', { chat: undefined });
    const r = questionStates({ notes: [dm, unsure, page], events: [], now: at(200), facilitators: { [CM]: FAC } });
    expect(r.questions.map((s) => s.isPrivate)).toEqual([true, true, false]);
    expect(huddleAgenda(r, CM).map((e) => e.questionId)).toEqual([page.id]);
    expect(r.questions[0]!.escalations.map((e) => e.rung)).toEqual(['helpers', 'facilitator', 'huddle']);
  });

  it('a disabled ladder or a personal question never escalates', () => {
    const q = question('ann');
    const personal = question('ann', { communityId: null });
    const r = questionStates({
      notes: [q, personal],
      events: [],
      now: at(500),
      ladders: { [CM]: { ...DEFAULT_LADDER, isEnabled: false } },
    });
    expect(r.due).toEqual([]);
    expect(r.questions.map((s) => s.state)).toEqual(['open', 'open']);
  });

  it('refuses a ladder whose rungs go backwards, with a message', () => {
    const bad = LadderSchema.safeParse({ ...DEFAULT_LADDER, facilitatorAfterHours: 6 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/no earlier than the one before/);
  });
});
