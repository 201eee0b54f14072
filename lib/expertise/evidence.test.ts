import { describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { answer, confirmed, question, T0 } from '../testing/questions';
import { collectEvidence } from './evidence';

describe('collectEvidence', () => {
  const q = question('ann', { tags: ['vpn'] });
  const a = answer(q, 'bob', T0 + 10);
  const thread = makeNote({
    kind: 'insight',
    author: { id: 'ann', name: 'ann' },
    tags: ['kafka'],
    chat: { platform: 'slack', channel: 'infra', isPrivate: false, messages: [{ text: 'x', authorId: 'carol' }] },
    createdAt: T0,
  });
  const meToo = makeNote({
    kind: 'question',
    author: { id: 'dan', name: 'dan' },
    links: { addsTo: thread.id },
    createdAt: T0 + 5,
  });

  it('reads answers, confirmations from the asker only, credits, reuse and thanks', () => {
    const ev = collectEvidence({
      notes: [q, a, thread, meToo],
      events: [
        confirmed({ questionId: q.id, by: 'ann', at: T0 + 20, answerId: a.id, isAnswered: true }),
        confirmed({ questionId: q.id, by: 'eve', at: T0 + 30, answerId: a.id, isAnswered: true }),
      ],
      thanks: [
        { noteId: a.id, memberId: 'ann', createdAt: T0 + 40 },
        { noteId: a.id, memberId: 'bob', createdAt: T0 + 50 },
      ],
    });
    const summary = ev.map((e) => [
      e.memberId,
      e.kind,
      e.noteId,
      e.where,
      e.topics.includes('vpn') || e.topics.includes('kafka'),
    ]);
    expect(summary).toEqual([
      ['bob', 'answered', a.id, '#infra', true],
      ['carol', 'credited', thread.id, '#infra', true],
      ['ann', 'reused', thread.id, '#infra', true],
      ['bob', 'confirmed', a.id, '#infra', true],
      ['bob', 'thanked', a.id, a.page.title, false],
    ]);
  });
});
