import { describe, expect, it } from 'vitest';
import { questionStates } from '../questions';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { draftIn, joinedPair, type TestClient } from '../../tests/property/sync-client';
import { recordQuestionEvent } from './question-events';

const env = useTestEndpoint();

describe('question events between two profiles, through the real endpoint', () => {
  it('an answer relayed by one member and confirmed by the asker reaches the other as relayed, then resolved', async () => {
    const { id, a, b } = await joinedPair(env.server, env.server, env.log, env.clients);
    const q = await a.notes.create({ ...draftIn(id, 'How do we rotate the staging password?'), kind: 'question' });
    if (!q.ok) throw new Error(q.error);
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    const ans = await b.notes.create({
      ...draftIn(id, 'Dual-password window'),
      kind: 'answer',
      links: { answers: q.value.id },
    });
    if (!ans.ok) throw new Error(ans.error);

    // Bea may not confirm Ada's question; nothing is stored or queued when she tries.
    const refused = await recordQuestionEvent(b.db, q.value.id, { type: 'confirmed', isAnswered: true }, b.now());
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/Only the asker or a facilitator/) });
    expect(await b.db.questionEvents.count()).toBe(0);

    expect((await recordQuestionEvent(b.db, q.value.id, { type: 'relayed', answerId: ans.value.id }, b.now())).ok).toBe(
      true,
    );
    await b.engine.syncAll(true);
    await a.engine.syncAll(true);
    const stateIn = async (c: TestClient) =>
      questionStates({
        notes: await c.db.notes.toArray(),
        events: await c.db.questionEvents.toArray(),
        now: c.now(),
      }).questions[0]!.state;
    expect(await stateIn(a)).toBe('relayed');

    expect(
      (
        await recordQuestionEvent(
          a.db,
          q.value.id,
          { type: 'confirmed', answerId: ans.value.id, isAnswered: true },
          a.now(),
        )
      ).ok,
    ).toBe(true);
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    expect(await stateIn(b)).toBe('resolved');
    expect((await b.db.questionEvents.toArray()).map((e) => [e.type, e.byRole])).toEqual([
      ['relayed', 'member'],
      ['confirmed', 'member'],
    ]);
  });

  it('refuses events on what is not a live question, changing nothing', async () => {
    const { id, a } = await joinedPair(env.server, env.server, env.log, env.clients);
    const note = await a.notes.create(draftIn(id, 'an insight'));
    if (!note.ok) throw new Error(note.error);
    expect(await recordQuestionEvent(a.db, note.value.id, { type: 'me-too' }, a.now())).toEqual({
      ok: false,
      error: 'That question is gone.',
    });
    expect(await a.db.questionEvents.count()).toBe(0);
  });
});
