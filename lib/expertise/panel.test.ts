import { describe, expect, it } from 'vitest';
import { answer, question, T0 } from '../testing/questions';
import { ownProfile } from './own-profile';
import { whoMightKnow } from './panel';
import { collectEvidence } from './evidence';

const DAY = 86_400_000;
const privateChat = { platform: 'slack' as const, channel: 'ops-private', messages: [], isPrivate: true };

describe('whoMightKnow', () => {
  const vpn1 = question('ann', { tags: ['vpn'] });
  const vpn2 = question('dan', { tags: ['vpn'] });
  const secret = question('dan', { tags: ['vpn'], chat: privateChat });
  const open = question('ann', { tags: ['vpn'], createdAt: T0 + 5 * DAY });
  const notes = [
    vpn1,
    vpn2,
    secret,
    open,
    answer(vpn1, 'bea', T0 + 1, { author: { id: 'bea', name: '<img src=x onerror=alert(1)>Bea' } }),
    answer(vpn2, 'bea', T0 + 2, { author: { id: 'bea', name: 'Bea' } }),
    answer(vpn2, 'ann', T0 + 3),
    answer(secret, 'cy', T0 + 4),
  ];
  const run = (optedOut: string[]) =>
    whoMightKnow({
      notes,
      events: [],
      thanks: [],
      questionIds: [open.id],
      optedOut: new Set(optedOut),
      now: T0 + 6 * DAY,
    });

  it('suggests who answered on the topics, with reasons naming their notes, never the asker', () => {
    const helpers = run([])[open.id]!;
    expect(helpers.map((h) => [h.memberId, h.name])).toEqual([['bea', 'Bea']]);
    expect(helpers[0]!.reasons).toEqual([
      { text: 'answered 2 questions on vpn in #infra', noteIds: [notes[5]!.id, notes[4]!.id] },
    ]);
  });

  it('never suggests an opted-out member, and private evidence never puts anyone forward', () => {
    expect(run(['bea'])[open.id]).toEqual([]);
  });
});

describe('ownProfile', () => {
  it('shows your private evidence to you, marked, and leaves others out', () => {
    const secret = question('dan', { tags: ['kafka'], chat: privateChat });
    const pub = question('dan', { tags: ['vpn'] });
    const evidence = collectEvidence({
      notes: [secret, pub, answer(secret, 'cy', T0 + 1), answer(pub, 'cy', T0 + 2), answer(pub, 'bea', T0 + 3)],
      events: [],
      thanks: [],
    });
    const mine = ownProfile(evidence, 'cy', T0 + DAY);
    expect(mine.map((t) => [t.topic, t.evidence.map((e) => [e.text, e.isPrivate])])).toEqual(
      expect.arrayContaining([
        ['kafka', [['answered a question in #ops-private', true]]],
        ['vpn', [['answered a question in #infra', false]]],
      ]),
    );
    expect(mine.flatMap((t) => t.evidence).every((e) => e.noteId !== undefined)).toBe(true);
    expect(ownProfile(evidence, 'nobody', T0 + DAY)).toEqual([]);
  });
});
