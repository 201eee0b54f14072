import { describe, expect, it } from 'vitest';
import { questionBoard } from './board';
import { HOUR_MS } from './ladder';
import { questionStates } from './states';
import { answer, CM, question, relayed as relayedEvent, T0 } from '../testing/questions';

describe('questionBoard', () => {
  const q = question('ann', { takeaway: 'Rotate the staging password?' });
  const notes = (extra: ReturnType<typeof answer>[] = []) => new Map([q, ...extra].map((n) => [n.id, n]));

  it("lists what the ladder brought to me, and what I may confirm (my questions; a facilitator's community's)", () => {
    const r = questionStates({ notes: [q], events: [], now: T0 + 13 * HOUR_MS, facilitators: { [CM]: ['fay'] } });
    expect(questionBoard(r, notes(), ['fay'], new Set([CM])).forMe.map((l) => [l.card.title, l.rung])).toEqual([
      ['Rotate the staging password?', 'facilitator'],
    ]);
    expect(questionBoard(r, notes(), ['bob'], new Set()).forMe).toEqual([]);
    expect(questionBoard(r, notes(), ['bob'], new Set()).states).toEqual({ [q.id]: 'escalated' });

    const a = answer(q, 'bob', T0 + HOUR_MS);
    const answered = questionStates({ notes: [q, a], events: [], now: T0 + 2 * HOUR_MS });
    const mine = questionBoard(answered, notes([a]), ['ann'], new Set());
    expect(mine.toConfirm).toMatchObject([{ state: 'answered', answerId: a.id, card: { id: q.id } }]);
    expect(questionBoard(answered, notes([a]), ['bob'], new Set()).toConfirm).toEqual([]);
    expect(questionBoard(answered, notes([a]), ['fay'], new Set([CM])).toConfirm).toHaveLength(1);
  });

  it('offers "Relay answer" to the asker and the answerer of a chat question, until it is relayed', () => {
    const a = answer(q, 'bob', T0 + HOUR_MS);
    const answered = questionStates({ notes: [q, a], events: [], now: T0 + 2 * HOUR_MS });
    const relayers = (me: string) => questionBoard(answered, notes([a]), [me], new Set()).toRelay;
    expect(relayers('ann')).toMatchObject([{ state: 'answered', answerId: a.id, card: { id: q.id } }]);
    expect(relayers('bob')).toMatchObject([{ answerId: a.id }]);
    expect(relayers('cy')).toEqual([]);
    const relayed = questionStates({
      notes: [q, a],
      events: [relayedEvent({ questionId: q.id, answerId: a.id, by: 'bob', at: T0 + 3 * HOUR_MS })],
      now: T0 + 4 * HOUR_MS,
    });
    expect(questionBoard(relayed, notes([a]), ['ann'], new Set()).toRelay).toEqual([]);
    expect(questionBoard(relayed, notes([a]), ['ann'], new Set()).toConfirm).toMatchObject([{ state: 'relayed' }]);
    const { chat: _chat, ...notFromChat } = q;
    const web = questionStates({ notes: [notFromChat, a], events: [], now: T0 + 2 * HOUR_MS });
    expect(questionBoard(web, new Map([notFromChat, a].map((n) => [n.id, n])), ['ann'], new Set()).toRelay).toEqual([]);
  });

  it('never offers to relay an answer from a private channel or DM into a community channel', () => {
    const fromDm = answer(q, 'bob', T0 + HOUR_MS, {
      chat: { platform: 'slack', channel: 'bob-dm', messages: [], isPrivate: true },
    });
    const answered = questionStates({ notes: [q, fromDm], events: [], now: T0 + 2 * HOUR_MS });
    expect(questionBoard(answered, notes([fromDm]), ['ann'], new Set()).toRelay).toEqual([]);
    expect(questionBoard(answered, notes([fromDm]), ['bob'], new Set()).toRelay).toEqual([]);
    // Still the asker's to confirm: only the relay is withheld.
    expect(questionBoard(answered, notes([fromDm]), ['ann'], new Set()).toConfirm).toHaveLength(1);
  });
});
