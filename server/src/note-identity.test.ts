import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MutationInput } from '../../lib/sync/protocol';
import { BACKENDS, useTestServer } from '../testing/harness';
import { client, makeNote } from '../testing/notes';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';

/**
 * Issue 15 item 6: a note is (community, id), so no answer tells a member which note ids exist in another
 * community. Each operation on another community's note id is answered byte for byte as on an id never seen,
 * except the version numbers (`"version"` of the push and of its results), which count this community's writes
 * and so must move between the two pushes.
 */
describe.each(BACKENDS)('another community’s note id and an unknown one, on %s', (backend) => {
  const t = useTestServer(backend);

  /** Status and body of a push, version numbers blanked (the one thing that must differ). */
  const sameBytes = (status: number, text: string) => `${status} ${text.replace(/"version":\d+/g, '"version":"_"')}`;

  async function setUp() {
    const ours = await t.community('Ours');
    const ana = await ours.member('Ana');
    const theirs = await t.community('Theirs');
    const bea = await theirs.member('Bea');
    const cal = await theirs.member('Cal');
    /** A live note of Bea's in the other community, thanked by Cal: what Ana probes. */
    const foreignNote = async () => {
      const note = makeNote({ takeaway: 'Bea’s own words' });
      const dev = client();
      expect(
        (await t.request('POST', '/v1/sync/push', { token: bea.token, body: { mutations: [dev.create(note)] } }))
          .status,
      ).toBe(200);
      const thank = client().thank(note.id);
      expect(
        (await t.request('POST', '/v1/sync/push', { token: cal.token, body: { mutations: [thank] } })).status,
      ).toBe(200);
      return note.id;
    };
    /** Ana's answer to one mutation, from the same client id and number each time (the exactly-once record reset). */
    const answer = async (mutation: (dev: ReturnType<typeof client>) => MutationInput) => {
      await t.db.query('DELETE FROM client_mutations');
      await t.db.query('DELETE FROM rejected_mutations');
      const res = await t.request('POST', '/v1/sync/push', {
        token: ana.token,
        body: { mutations: [mutation(client('ana-laptop'))] },
      });
      return sameBytes(res.status, res.text);
    };
    return { ours, ana, bea, foreignNote, answer, theirs };
  }

  const theirState = (communityId: string) =>
    t.db.query<{ id: string; body: unknown; version: number; thanks: number }>(
      `SELECT n.id, n.body, n.version, (SELECT count(*)::int FROM thanks h WHERE h.community_id = n.community_id
              AND h.note_id = n.id) AS thanks FROM notes n WHERE n.community_id = $1 ORDER BY n.id`,
      [communityId],
    );

  const OPS: [string, (id: string) => (dev: ReturnType<typeof client>) => MutationInput][] = [
    // The same note but for its id: a create carries the id in its body.
    ['create', (id) => (dev) => dev.create(makeNote({ id, takeaway: 'Ana’s words', createdAt: 1, updatedAt: 1 }))],
    ['edit', (id) => (dev) => dev.edit(id, { takeaway: 'Ana was here' })],
    ['delete', (id) => (dev) => dev.del(id)],
    ['thank', (id) => (dev) => dev.thank(id)],
    ['unthank', (id) => (dev) => dev.unthank(id)],
  ];

  it.each(OPS)('%s: the same status and body for a foreign id as for a never-seen one', async (_op, mutation) => {
    const s = await setUp();
    const foreign = await s.foreignNote();
    const before = await theirState(s.theirs.id);
    const unknown = randomUUID();
    const onForeign = await s.answer(mutation(foreign));
    const onUnknown = await s.answer(mutation(unknown));
    expect(onForeign).toBe(onUnknown.replaceAll(unknown, foreign));
    expect(onForeign.startsWith('200 ')).toBe(true);
    // The other community's note, its version and its thanks are untouched.
    expect(await theirState(s.theirs.id)).toEqual(before);
  });

  it('the answers are what a never-seen id gets: create and delete are applied here, edit and thank not_found', async () => {
    const s = await setUp();
    const results: Record<string, unknown> = {};
    for (const [op, mutation] of OPS) {
      const foreign = await s.foreignNote();
      results[op] = JSON.parse((await s.answer(mutation(foreign))).slice(4)).results[0];
    }
    const rejected = { status: 'rejected', reason: 'not_found', message: 'No such note on this server' };
    expect(results).toMatchObject({
      create: { status: 'applied', version: '_' },
      edit: rejected,
      delete: { status: 'applied', version: '_' },
      thank: rejected,
      unthank: rejected,
    });
  });

  it('a moderator’s delete of a foreign id is answered as an unknown one (404), byte for byte', async () => {
    const s = await setUp();
    const foreign = await s.foreignNote();
    const del = async (id: string) => {
      const res = await t.request('DELETE', `/v1/notes/${id}`, { token: s.ours.admin.token });
      return `${res.status} ${res.text}`;
    };
    const unknown = randomUUID();
    expect(await del(foreign)).toBe(await del(unknown));
    expect(await del(foreign)).toMatch(/^404 /);
  });

  it('a note created here with a foreign id is this community’s own: pulled here, never there', async () => {
    const s = await setUp();
    const foreign = await s.foreignNote();
    await s.answer((dev) => dev.create(makeNote({ id: foreign, takeaway: 'Ana’s words' })));
    const pull = async (token: string) =>
      (await t.request('GET', '/v1/sync/pull', { token })).json.changes.map(
        (c: { note?: { id: string; takeaway: string } }) => [c.note?.id, c.note?.takeaway],
      );
    expect(await pull(s.ana.token)).toEqual([[foreign, 'Ana’s words']]);
    expect(await pull(s.bea.token)).toEqual([[foreign, 'Bea’s own words']]);
  });
});

describe('migration 005 on existing data', () => {
  it('keeps every note and thank, gives thanks their note’s community, and keys notes by (community, id)', async () => {
    const db = await openPglite();
    try {
      await migrate(db, { upTo: '004' });
      const [c1, c2, m1, m2, n1, n2] = [1, 2, 3, 4, 5, 6].map(() => randomUUID()) as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      for (const [id, name] of [
        [c1, 'One'],
        [c2, 'Two'],
      ]) {
        await db.query(`INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, $2, 'e', 1)`, [id, name]);
      }
      for (const [id, c, name] of [
        [m1, c1, 'Ana'],
        [m2, c2, 'Bea'],
      ]) {
        await db.query(
          `INSERT INTO members (id, community_id, display_name, role, joined_at) VALUES ($1, $2, $3, 'member', 1)`,
          [id, c, name],
        );
      }
      for (const [id, c, m, v] of [
        [n1, c1, m1, 1],
        [n2, c2, m2, 1],
      ]) {
        await db.query(
          `INSERT INTO notes (id, community_id, author_id, version, hlc, hlc_client, body, body_bytes)
           VALUES ($1, $2, $3, $4, 'h', 'c', '{"takeaway":"x"}', 16)`,
          [id, c, m, v],
        );
      }
      await db.query('INSERT INTO thanks (note_id, member_id, created_at) VALUES ($1, $2, 1)', [n2, m1]);
      // 005 first, then every later migration applies on the same data.
      const applied = await migrate(db);
      expect(applied[0]).toBe('005_note_ids_per_community.sql');
      expect(applied).toEqual([...applied].sort());
      const { rows: thanks } = await db.query('SELECT community_id, note_id, member_id FROM thanks');
      expect(thanks).toEqual([{ community_id: c2, note_id: n2, member_id: m1 }]);
      const { rows: notes } = await db.query('SELECT id, community_id FROM notes ORDER BY community_id = $1 DESC', [
        c1,
      ]);
      expect(notes).toEqual([
        { id: n1, community_id: c1 },
        { id: n2, community_id: c2 },
      ]);
      // The same id in another community is now another note; twice in one community it is refused.
      const insert = (c: string, m: string) =>
        db.query(
          `INSERT INTO notes (id, community_id, author_id, version, hlc, hlc_client, body) VALUES ($1, $2, $3, 2, 'h', 'c', NULL)`,
          [n1, c, m],
        );
      await insert(c2, m2);
      await expect(insert(c1, m1)).rejects.toThrow(/duplicate key/);
      // A thank follows its note out, and cannot name a note of another community.
      await db.query('DELETE FROM notes WHERE id = $1 AND community_id = $2', [n2, c2]);
      expect((await db.query('SELECT 1 FROM thanks')).rows).toEqual([]);
      await expect(
        db.query('INSERT INTO thanks (community_id, note_id, member_id, created_at) VALUES ($1, $2, $3, 1)', [
          c2,
          randomUUID(),
          m1,
        ]),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await db.close();
    }
  }, 120_000);
});
