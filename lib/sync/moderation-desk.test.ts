import { describe, expect, it } from 'vitest';
import { useTestEndpoint } from '../../tests/property/sync-endpoint';
import { draftIn as draft, joinedPair, makeClient, type TestClient } from '../../tests/property/sync-client';
import { moderationDesk } from './moderation-desk';

const env = useTestEndpoint();

const deskOf = (c: TestClient, offline = () => false) =>
  moderationDesk(
    c.db,
    async (url, init) => {
      if (offline()) throw new TypeError('Failed to fetch');
      return env.server.request(url, init);
    },
    c.now,
  );
const setRole = async (c: TestClient, communityId: string, role: string) => {
  const m = (await c.state.membership(communityId))!;
  await env.server.db.query('UPDATE members SET role = $2 WHERE id = $1', [m.memberId, role]);
  env.server.restart(); // a fresh app: the endpoint's memo of who each token is would still hold the old role
};
const isGone = async (c: TestClient, id: string) => {
  const n = await c.db.notes.get(id);
  return n === undefined || n.deletedAt !== undefined;
};

/** Ada (admin) and Bea, Bea has shared two notes and Ada one; everyone has synced. */
async function community() {
  const { id, a, b } = await joinedPair(env.server, env.server, env.log, env.clients);
  await setRole(a, id, 'admin');
  const spam = [await b.notes.create(draft(id, 'Buy pills here')), await b.notes.create(draft(id, 'More pills'))];
  const mine = await a.notes.create(draft(id, 'Pair early'));
  if (!spam.every((r) => r.ok) || !mine.ok) throw new Error('not created');
  await b.engine.syncAll(true);
  await a.engine.syncAll(true);
  await b.engine.syncAll(true);
  return { id, a, b, spam: spam.map((r) => (r.ok ? r.value.id : '')), mine: mine.value.id };
}

describe('moderation from the options page', () => {
  it('a member sees no moderation; an admin sees members with their note counts here', async () => {
    const { id, a, b } = await community();
    expect(await deskOf(b).load(id)).toEqual({ ok: true, value: null });
    const res = await deskOf(a).load(id);
    if (!res.ok || !res.value) throw new Error('no moderation for the admin');
    expect(res.value.me.role).toBe('admin');
    expect(res.value.view.members.map((m) => [m.name, m.role, m.noteCount])).toEqual([
      ['Ada', 'admin', 1],
      ['Bea', 'member', 2],
    ]);
  });

  it('removing a member’s notes takes them from every browser at its next sync; the rest stay', async () => {
    const { id, a, b, spam, mine } = await community();
    const bea = (await b.state.membership(id))!.memberId;
    const res = await deskOf(a).removeMemberNotes(id, bea);
    expect(res).toEqual({
      ok: true,
      value: 'Removed 2 notes for everyone. They leave this browser at the next sync (started now).',
    });
    await a.engine.syncAll(true);
    await b.engine.syncAll(true);
    for (const c of [a, b]) for (const n of spam) expect(await isGone(c, n)).toBe(true);
    expect((await b.db.notes.get(mine))?.deletedAt).toBeUndefined();
    const after = await deskOf(a).load(id);
    expect(after.ok && after.value?.view.members.map((m) => m.noteCount)).toEqual([1, 0]);
  });

  it('removes one note; a second removal of it says there was nothing left', async () => {
    const { id, a, b, spam } = await community();
    expect((await deskOf(a).removeNote(id, spam[0]!)).ok).toBe(true);
    await b.engine.syncAll(true);
    expect(await isGone(b, spam[0]!)).toBe(true);
    expect(await isGone(b, spam[1]!)).toBe(false);
    expect(await deskOf(a).removeNote(id, spam[0]!)).toEqual({
      ok: false,
      error: 'Not removed: the endpoint knows no such note or member in this community.',
    });
  });

  it('a refusal is said clearly and changes nothing: a member, a facilitator on an admin, offline', async () => {
    const { id, a, b, spam, mine } = await community();
    const ada = (await a.state.membership(id))!.memberId;
    const asMember = await deskOf(b).removeNote(id, mine);
    expect(asMember.ok).toBe(false);
    expect(!asMember.ok && asMember.error).toMatch(/^Not removed: .*only facilitators and admins moderate/);
    await setRole(b, id, 'facilitator');
    const onAdmin = await deskOf(b).removeMemberNotes(id, ada);
    expect(!onAdmin.ok && onAdmin.error).toMatch(/^Not removed: Facilitators moderate members’ notes only/);
    const offline = await deskOf(a, () => true).removeNote(id, spam[0]!);
    expect(offline).toEqual({
      ok: false,
      error: 'Not removed: offline, or the endpoint cannot be reached. Nothing changed.',
    });
    await b.engine.syncAll(true);
    for (const n of [...spam, mine]) expect(await isGone(b, n)).toBe(false);
  });

  it('a browser that is not a member of the community is told so', async () => {
    const { id } = await community();
    const stranger = makeClient(env.server, env.log);
    env.clients.push(stranger);
    expect(await deskOf(stranger).load(id)).toEqual({ ok: true, value: null });
    expect(await deskOf(stranger).removeNote(id, 'x')).toEqual({
      ok: false,
      error: 'Not removed: this browser is not a member of that community.',
    });
  });
});
