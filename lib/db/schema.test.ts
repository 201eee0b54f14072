import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { noteSummary } from '../digest/note-summary';
import { CommonplaceDb } from './schema';
import { syncState } from './sync-state';
import { testMembership } from '../testing/membership';
import { storedSummaries } from '../testing/stored-summaries';
import { fillChunk, fillNoteSummaries, isFillDue } from './summary-fill';
import { readNoteSummaries } from './summary-reads';
import { V4_STORES as V4 } from '../testing/v4-stores';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

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
    expect(db.verno).toBe(8);
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
    expect(db.verno).toBe(8);
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

  it('upgrades a v4 or v5 database cheaply: the summary buckets are filled afterwards, in chunks', async () => {
    for (const from of [4, 5] as const) {
      const name = `migrate-v${from}-${Math.random()}`;
      const old = new Dexie(name);
      old.version(from).stores({ ...V4, ...(from === 5 ? { noteSummaries: 'id, seq' } : {}) });
      const live = makeNote({ communityId: 'c1', kind: 'question', author: { id: 'm1', name: 'Ann' } });
      const gone = makeNote({ communityId: null, deletedAt: 5, links: { answers: live.id } });
      const others = Array.from({ length: 7 }, () => makeNote());
      await old.table('notes').bulkAdd([live, gone, ...others]);
      if (from === 5) await old.table('noteSummaries').put({ ...noteSummary(live), seq: 1 });
      await old.table('kv').bulkPut([
        { key: 'digest:seq', value: 1 },
        { key: 'digest:removals', value: 3 },
      ]);
      old.close();

      const db = new CommonplaceDb(name);
      await db.open();
      expect(db.verno).toBe(8);
      expect(db.tables.map((t) => t.name)).not.toContain('noteSummaries');
      // The upgrade wrote no summary: it marked the fill due and counted a removal (any old index is rebuilt).
      expect(await db.summaryBuckets.count()).toBe(0);
      expect(await isFillDue(db)).toBe(true);
      expect((await db.kv.get('digest:removals'))?.value).toBe(4);
      // While the fill is due, a cold read is every note's summary, from the notes themselves.
      const read = await readNoteSummaries(db);
      expect(read.rows.map(({ seq: _s, ...r }) => r).sort(byId)).toEqual(
        [live, gone, ...others].map(noteSummary).sort(byId),
      );
      expect(read.seq).toBe(1);
      // A write during the fill still sees what the note said before: moving a live note's week is a removal.
      await db.notes.put({ ...live, createdAt: live.createdAt - 30 * 86_400_000 });
      expect((await db.kv.get('digest:removals'))?.value).toBe(5);
      await db.notes.delete(others[0]!.id);
      expect(await fillChunk(db, 3)).toBe(false); // a chunk at a time
      expect(await isFillDue(db)).toBe(true);
      await fillNoteSummaries(db, 3);
      expect(await isFillDue(db)).toBe(false);
      const stored = (await storedSummaries(db)).map(({ seq: _s, ...r }) => r);
      expect(stored).toEqual((await db.notes.orderBy('id').toArray()).map(noteSummary));
      // The moved note kept the entry its write made (numbered), not one the fill would have made.
      expect((await storedSummaries(db)).find((r) => r.id === live.id)?.seq).toBe(2);
      expect(await db.notes.get(gone.id)).toEqual(gone); // the notes themselves are untouched
      await db.delete();
    }
  });

  it('creates a new store with nothing to fill', async () => {
    const db = new CommonplaceDb(`fresh-${Math.random()}`);
    await db.open();
    expect(await isFillDue(db)).toBe(false);
    await db.notes.put(makeNote());
    expect(await storedSummaries(db)).toHaveLength(1);
    await db.delete();
  });
});
