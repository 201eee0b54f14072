import { describe, expect, it } from 'vitest';
import { PushResponseSchema, type MutationInput } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';
import { client, makeNote } from '../testing/notes';

/** Issue 15 item 6, the server's parts. */
describe.each(BACKENDS)('member and time rules on %s', (backend) => {
  const t = useTestServer(backend);
  const push = (token: string, mutations: MutationInput[]) =>
    t.request('POST', '/v1/sync/push', { token, body: { mutations } });

  it('refuses note times more than a year ahead of the server’s clock, and changes nothing', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    await t.request('GET', '/v1/members/me', { token: ana.token });
    const before = await t.snapshot();
    const ahead = t.clock.now + 367 * 86_400_000;
    const dev = client();
    for (const m of [
      dev.create(makeNote({ createdAt: ahead })),
      dev.create(makeNote({ updatedAt: ahead })),
      { ...dev.create(makeNote({ createdAt: 9e15 })) },
    ]) {
      const res = await push(ana.token, [{ ...m, mutationNumber: 1 } as MutationInput]);
      expect([res.status, res.json.error.code]).toEqual([400, 'bad_request']);
    }
    expect(await t.snapshot()).toBe(before);
    const soon = client();
    const ok = await push(ana.token, [soon.create(makeNote({ createdAt: t.clock.now + 5 * 86_400_000 }))]);
    expect(ok.status).toBe(200);
  });

  it('keeps display names free of bidi controls and unique within a community (case-insensitively)', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const bo = await c.member('Bo');
    const rename = (token: string, displayName: string) =>
      t.request('PATCH', '/v1/members/me', { token, body: { displayName } });
    expect((await rename(bo.token, 'An\u202Ea')).status).toBe(400);
    expect((await rename(bo.token, 'Ana\u2066')).status).toBe(400);
    const taken = await rename(bo.token, 'ANA');
    expect([taken.status, taken.json.error.code]).toEqual([409, 'conflict']);
    expect((await rename(ana.token, 'ana')).status).toBe(200); // your own name, in other letters
    await expect(c.member('aNa')).rejects.toThrow(/join failed: 409/);
    const other = await t.community('Other');
    expect((await other.member('Ana')).member.displayName).toBe('Ana');
    // A removed member's name is free again.
    expect((await t.request('DELETE', `/v1/members/${bo.member.id}`, { token: c.admin.token })).status).toBe(204);
    expect((await c.member('Bo')).member.displayName).toBe('Bo');
  });

  it('answers another community’s note id exactly as an unknown one', async () => {
    const c = await t.community();
    const ana = await c.member('Ana');
    const other = await t.community('Other');
    const bea = await other.member('Bea');
    const beaNote = makeNote();
    expect((await push(bea.token, [client().create(beaNote)])).status).toBe(200);
    const answers = async (noteId: string) => {
      const dev = client('same-client-id');
      await t.db.query('DELETE FROM client_mutations');
      await t.db.query('DELETE FROM rejected_mutations');
      const res = await push(ana.token, [dev.edit(noteId, { takeaway: 'x' }), dev.thank(noteId), dev.unthank(noteId)]);
      return { status: res.status, body: PushResponseSchema.parse(res.json).results };
    };
    const foreign = await answers(beaNote.id);
    expect(foreign).toEqual(await answers(makeNote().id));
    expect(foreign.body.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    const { rows } = await t.db.query<{ takeaway: string }>(`SELECT body->>'takeaway' AS takeaway FROM notes`);
    expect(rows).toEqual([{ takeaway: beaNote.takeaway }]);
  });

  it('does not let the last admin leave; with a second admin, one may', async () => {
    const c = await t.community();
    const res = await t.request('DELETE', '/v1/members/me', { token: c.admin.token });
    expect([res.status, res.json.error.code]).toEqual([409, 'conflict']);
    const second = await c.member('Second', 'admin');
    expect((await t.request('DELETE', '/v1/members/me', { token: c.admin.token })).status).toBe(204);
    expect((await t.request('DELETE', '/v1/members/me', { token: second.token })).status).toBe(409);
  });
});
