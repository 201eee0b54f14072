import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { noteSummary } from '../digest/note-summary';
import { CommonplaceDb } from './schema';
import { syncState } from './sync-state';
import { testMembership } from '../testing/membership';

describe('schema migrations', () => {
  it('upgrades a v1 database: notes kept, page keys filled, new tables usable', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ notes: 'id, createdAt, updatedAt, kind, *tags, page.url' });
    const { pageKey: _dropped, ...old } = makeNote({
      page: { url: 'https://www.example.com/a/?utm_source=x', canonicalUrl: 'https://example.com/a', title: 'A' },
    });
    await v1.table('notes').add(old);
    v1.close();

    const db = new CommonplaceDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const [note] = await db.notes.toArray();
    expect(note).toMatchObject({ id: old.id, quote: old.quote, pageKey: 'example.com/a' });
    expect(await db.notes.where('pageKey').equals('example.com/a').count()).toBe(1);
    await db.kv.put({ key: 'k', value: 1 });
    expect(await db.kv.get('k')).toEqual({ key: 'k', value: 1 });
    // v4's question events are found by question.
    const ev = { id: '0190aaaa-0000-7000-8000-000000000001', questionId: old.id, type: 'me-too', by: 'me', at: 1 };
    await db.questionEvents.put({ ...ev, type: 'me-too', communityId: null });
    expect(await db.questionEvents.where('questionId').equals(old.id).count()).toBe(1);
    await db.delete();
  });

  it('upgrades a v2 database: memberships re-keyed by (server, community), token and notes untouched', async () => {
    const name = `migrate-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({
      notes: 'id, createdAt, updatedAt, kind, *tags, pageKey, communityId, deletedAt, [communityId+updatedAt]',
      outbox: '++seq, communityId',
      thanks: 'id, noteId, memberId, communityId, createdAt',
      collections: 'id, updatedAt',
      kv: 'key',
      blobs: 'key',
      events: '++id, type, noteId, at',
    });
    const member = testMembership({ endpoint: 'https://guild.example.org/api/', token: 'real-token' });
    const note = makeNote({ communityId: 'c1' });
    await v2.table('kv').bulkPut([
      { key: 'sync:member:c1', value: member },
      { key: 'sync:settings', value: { endpoint: member.endpoint, clientId: 'x', displayName: 'Ada' } },
    ]);
    await v2.table('notes').add(note);
    v2.close();

    const db = new CommonplaceDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const syncKeys = (await db.kv.toArray()).map((r) => r.key).filter((k) => k.startsWith('sync:'));
    expect(syncKeys.sort()).toEqual(['sync:member:https://guild.example.org/api c1', 'sync:settings']);
    expect(await syncState(db).membership('c1')).toEqual(member);
    expect(await db.notes.get(note.id)).toEqual(note);
    // Another server claiming the same community id cannot replace it.
    await expect(
      syncState(db).putMembership({ ...member, endpoint: 'https://evil.example', token: 'evil' }),
    ).rejects.toThrow(/already joined through https:\/\/guild.example.org/);
    expect((await syncState(db).membership('c1'))?.token).toBe('real-token');
    await db.delete();
  });

  it('upgrades a v4 database: every note gets its summary row, and later writes keep it in step', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores({
      notes: 'id, createdAt, updatedAt, kind, *tags, pageKey, communityId, deletedAt, [communityId+updatedAt]',
      outbox: '++seq, communityId',
      thanks: 'id, noteId, memberId, communityId, createdAt',
      collections: 'id, updatedAt',
      kv: 'key',
      blobs: 'key',
      events: '++id, type, noteId, at',
      questionEvents: 'id, questionId, communityId, at',
    });
    const live = makeNote({ communityId: 'c1', kind: 'question', author: { id: 'm1', name: 'Ann' } });
    const gone = makeNote({ communityId: null, deletedAt: 5, links: { answers: live.id } });
    await v4.table('notes').bulkAdd([live, gone]);
    v4.close();

    const db = new CommonplaceDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const rows = (await db.noteSummaries.toArray()).sort(byId);
    expect(rows.map(({ seq: _s, ...rest }) => rest)).toEqual([live, gone].map(noteSummary).sort(byId));
    expect(rows.map((r) => r.seq).sort()).toEqual([1, 2]); // numbered, and the counter follows
    expect((await db.kv.get('digest:seq'))?.value).toBe(2);
    const { seq: _seq, ...goneRow } = (await db.noteSummaries.get(gone.id))!;
    expect(goneRow).toEqual({
      id: gone.id,
      kind: gone.kind,
      createdAt: gone.createdAt,
      updatedAt: gone.updatedAt,
      deletedAt: 5,
      communityId: null,
      links: { answers: live.id },
    });
    expect(await db.notes.get(live.id)).toEqual(live); // the notes themselves are untouched
    await db.notes.delete(live.id);
    expect(await db.noteSummaries.get(live.id)).toBeUndefined();
    await db.delete();
  });
});
