import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { PullResponseSchema, type Change, type MutationInput } from '../../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { client, makeNote } from '../../testing/notes';

/** Issue 16: question events (answer linked, relayed, confirmed, me-too) travel with their question. */
describe.each(BACKENDS)('question events on %s', (backend) => {
  const t = useTestServer(backend);
  const push = (token: string, mutations: MutationInput[]) =>
    t.request('POST', '/v1/sync/push', { token, body: { mutations } });
  const pulled = async (token: string, id: string) => {
    const res = await t.request('GET', '/v1/sync/pull?limit=1000', { token });
    const changes: Change[] = PullResponseSchema.parse(res.json).changes;
    const c = changes.find((x) => x.type === 'note' && x.note.id === id);
    return c?.type === 'note' ? c : undefined;
  };
  const at = Date.UTC(2026, 0, 16);

  async function world() {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const fay = await c.member('Fay', 'facilitator');
    const q = makeNote({ kind: 'question', takeaway: 'How do we rotate the staging password?' });
    const anaDev = client();
    expect((await push(ana.token, [anaDev.create(q)])).status).toBe(200);
    return { c, ana, bo, fay, q, anaDev };
  }

  it('stores each event once, with who did it and their role from the token, and bumps the question', async () => {
    const { ana, bo, fay, q, anaDev } = await world();
    const boDev = client();
    const answer = makeNote({ kind: 'answer', links: { answers: q.id } });
    const relay = { id: uuidv7(), type: 'relayed', at, answerId: answer.id };
    const res = await push(bo.token, [
      boDev.create(answer),
      boDev.questionEvent(q.id, relay),
      boDev.questionEvent(q.id, relay),
    ]);
    expect(res.status).toBe(200);
    expect((res.json as { results: { status: string }[] }).results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const yes = { id: uuidv7(), type: 'confirmed', at: at + 1, answerId: answer.id, isAnswered: true };
    expect((await push(fay.token, [client().questionEvent(q.id, yes)])).status).toBe(200);
    const own = { id: uuidv7(), type: 'me-too', at: at + 2, by: 'forged', questionId: q.id };
    expect((await push(ana.token, [anaDev.questionEvent(q.id, own)])).status).toBe(400);

    const change = await pulled(ana.token, q.id);
    expect(change?.questionEvents).toEqual([
      { ...relay, questionId: q.id, by: bo.member.id, byRole: 'member' },
      { ...yes, questionId: q.id, by: fay.member.id, byRole: 'facilitator' },
    ]);
    expect(change?.version).toBe(4);
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM question_events');
    expect(rows[0]).toEqual({ n: 2 });
  });

  it('refuses a confirmation from a member who is neither the asker nor a facilitator, and changes nothing', async () => {
    const { bo, q } = await world();
    await push(bo.token, [client().questionEvent(q.id, { id: uuidv7(), type: 'me-too', at })]);
    const before = await t.snapshot();
    const yes = { id: uuidv7(), type: 'confirmed', at, isAnswered: true };
    const res = await push(bo.token, [client().questionEvent(q.id, yes)]);
    expect(res.status).toBe(403);
    expect(res.text).toMatch(/only the asker or a facilitator confirms/);
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses events on notes that are not questions; a deleted question rejects them', async () => {
    const { ana, anaDev, bo, q } = await world();
    const insight = makeNote();
    await push(ana.token, [anaDev.create(insight)]);
    const meToo = () => ({ id: uuidv7(), type: 'me-too', at });
    const res = await push(bo.token, [client().questionEvent(insight.id, meToo())]);
    expect(res.status).toBe(422);
    await push(ana.token, [anaDev.del(q.id)]);
    const gone = await push(bo.token, [client().questionEvent(q.id, meToo())]);
    expect((gone.json as { results: { status: string; reason?: string }[] }).results[0]).toMatchObject({
      status: 'rejected',
      reason: 'deleted',
    });
  });

  it("keeps communities apart: another community's question reads as no question", async () => {
    const { q } = await world();
    const other = await t.community();
    const eve = await other.member('Eve');
    const res = await push(eve.token, [client().questionEvent(q.id, { id: uuidv7(), type: 'me-too', at })]);
    expect((res.json as { results: { status: string; reason?: string }[] }).results[0]).toMatchObject({
      status: 'rejected',
      reason: 'not_found',
    });
  });
});
