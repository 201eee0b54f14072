import { describe, expect, it } from 'vitest';
import type { JoinResponse, MutationInput } from '../../../lib/sync/protocol';
import { sign } from '../crypto';
import { BACKENDS, useTestServer } from '../../testing/harness';
import { client, makeNote } from '../../testing/notes';
import { compactThrough } from './compact';
import { decodeCursor } from './cursor';

/**
 * Issue 19: push batches below the compaction fence are pruned, and a cursor still gets the right answer: a
 * cursor from a history lost to a restored backup the restore reset, one from the kept history 410 (or pulls on
 * where it missed nothing), whatever cursor format the client holds.
 */
describe.each(BACKENDS)('pruning push batches below the fence on %s', (backend) => {
  const t = useTestServer(backend);

  const push = async (who: JoinResponse, mutations: MutationInput[]) => {
    const res = await t.request('POST', '/v1/sync/push', { token: who.token, body: { mutations } });
    expect(res.status).toBe(200);
    return res.json as { version: number; results: { status: string; reason?: string }[] };
  };
  const pull = (who: JoinResponse, cursor?: string, limit?: number) => {
    const q: Record<string, string> = {};
    if (cursor) q.cursor = cursor;
    if (limit) q.limit = String(limit);
    return t.request('GET', `/v1/sync/pull?${new URLSearchParams(q)}`, { token: who.token });
  };
  const pullAll = async (who: JoinResponse, cursor?: string): Promise<string> => {
    for (;;) {
      const res = await pull(who, cursor);
      expect(res.status).toBe(200);
      cursor = res.json.cursor as string;
      if (!res.json.hasMore) return cursor;
    }
  };
  const batches = async (communityId: string) =>
    (
      await t.db.query<{ v: number }>(
        'SELECT last_version AS v FROM version_batches WHERE community_id = $1 ORDER BY 1',
        [communityId],
      )
    ).rows.map((r) => Number(r.v));
  const headOf = async (communityId: string) =>
    Number(
      (await t.db.query<{ v: number }>('SELECT last_version AS v FROM communities WHERE id = $1', [communityId]))
        .rows[0]!.v,
    );
  /** A cursor as an older endpoint signed it: `[community, epoch, version]` or `[..., token]`. */
  const olderCursor = (items: unknown[]) => {
    const payload = Buffer.from(JSON.stringify(items)).toString('base64url');
    return `${payload}.${sign(t.cursorKey, payload)}`;
  };
  const state = (cursor: string) => decodeCursor(t.cursorKey, cursor)!;

  it('prunes the batches ending below the fence, keeps the one holding it; a cursor at the fence pulls on', async () => {
    const { id, member } = await t.community();
    const ana = await member('Ana');
    const dev = client();
    const notes = [makeNote(), makeNote(), makeNote()];
    for (const n of notes) await push(ana, [dev.create(n)]);
    const atThree = await pullAll(ana);
    await push(ana, [dev.del(notes[0]!.id)]);
    await push(ana, [dev.create()]);
    expect(await batches(id)).toEqual([1, 2, 3, 4, 5]);

    expect(await compactThrough(t.db, id, 3)).toMatchObject({ compactedThrough: 3, tombstones: 0, batches: 2 });
    expect(await batches(id)).toEqual([3, 4, 5]);
    const res = await pull(ana, atThree);
    expect(res.status).toBe(200);
    expect(res.json.isReset).toBe(false);
    expect(res.json.changes.map((c: { version: number }) => c.version)).toEqual([4, 5]);

    // Through the head: one batch is left (the head's), and the old cursor is below the fence: compacted.
    expect(await compactThrough(t.db, id, 5)).toMatchObject({ tombstones: 1, batches: 2 });
    expect(await batches(id)).toEqual([5]);
    expect((await pull(ana, atThree)).status).toBe(410);
    const fresh = await pullAll(ana);
    expect(state(fresh)).toMatchObject({ version: 5, fence: 5 });
    await push(ana, [dev.create()]);
    const next = await pull(ana, fresh);
    expect(next.json).toMatchObject({ isReset: false, changes: [{ version: 6 }] });
  });

  it('a pull from scratch pages through versions below the fence; a fence moved between its pages is a 410', async () => {
    const { id, member } = await t.community();
    const ana = await member('Ana');
    const dev = client();
    const notes = Array.from({ length: 6 }, () => makeNote());
    await push(
      ana,
      notes.map((n) => dev.create(n)),
    );
    await push(ana, [dev.del(notes[0]!.id)]);
    await push(ana, [dev.create()]);
    await compactThrough(t.db, id, 7);
    // Page by page, two notes at a time, from version 0 to the head at 8: every page is below the fence.
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await pull(ana, cursor, 2);
      expect(res.status).toBe(200);
      expect(res.json.isReset).toBe(false);
      seen.push(...res.json.changes.map((c: { version: number }) => c.version));
      cursor = res.json.cursor;
      if (!res.json.hasMore) break;
    }
    expect(seen).toEqual([2, 3, 4, 5, 6, 8]);
    // Again, but compaction moves the fence between two pages: the cursor may have missed a delete.
    const first = await pull(ana, undefined, 2);
    expect(state(first.json.cursor)).toMatchObject({ version: 3, fence: 7 });
    await push(ana, [dev.del(notes[3]!.id)]);
    await compactThrough(t.db, id, 9);
    const res = await pull(ana, first.json.cursor, 2);
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe('cursor_too_old');
  });

  it('cursors of every older format get the right answer once the batches are pruned', async () => {
    const { id, member } = await t.community();
    const ana = await member('Ana');
    const reader = await member('Reader');
    const dev = client();
    // A database from before history generations (migration 015): plain batch tokens, no generation.
    await push(ana, [dev.create()]);
    await push(ana, [dev.create()]);
    await t.db.query(`UPDATE version_batches SET token = 'plain-' || last_version WHERE community_id = $1`, [id]);
    await t.db.query('DELETE FROM history_generations WHERE community_id = $1', [id]);
    await t.db.query(`UPDATE communities SET generation = '' WHERE id = $1`, [id]);
    t.restart();
    const { epoch } = (await pull(reader)).json as { epoch: string };
    const beforeTokens = olderCursor([id, epoch, 1]);
    const beforeFence = olderCursor([id, epoch, 2, 'plain-2']);
    await t.backup();
    // The lost history, written by an endpoint from before generations too.
    await push(ana, [dev.create()]);
    await t.db.query(`UPDATE version_batches SET token = 'plain-' || last_version WHERE community_id = $1`, [id]);
    await t.db.query('DELETE FROM history_generations WHERE community_id = $1', [id]);
    await t.db.query(`UPDATE communities SET generation = '' WHERE id = $1`, [id]);
    const lost = olderCursor([id, epoch, 3, 'plain-3']);
    await t.restoreBackup();
    // The restored history: this endpoint writes versions 3.. under a generation of its own.
    const bo = client();
    const gone = makeNote();
    await push(ana, [bo.create(gone), bo.create(), bo.del(gone.id)]);
    await push(ana, [bo.create()]);
    await compactThrough(t.db, id, await headOf(id));
    expect(await batches(id)).toEqual([await headOf(id)]);

    for (const cursor of [beforeTokens, beforeFence]) {
      const res = await pull(reader, cursor);
      expect(res.status).toBe(410);
      expect(res.json.error.code).toBe('cursor_too_old');
    }
    const res = await pull(reader, lost);
    expect(res.status).toBe(200);
    expect(res.json.isReset).toBe(true);
    expect(res.json.epoch).not.toBe(epoch);
  });

  it('restored under a running endpoint: it finds its last batch gone, starts a generation, and tells a lost cursor', async () => {
    const { id, member } = await t.community();
    const ana = await member('Ana');
    const reader = await member('Reader');
    const dev = client();
    await push(ana, [dev.create()]);
    const kept = await pullAll(reader);
    await t.backup();
    await push(ana, [dev.create(), dev.create()]);
    const lost = await pullAll(reader, kept);
    await t.restoreBackup({ isRunning: true });
    const bo = client();
    const gone = makeNote();
    await push(ana, [bo.create(gone), bo.create(), bo.create()]);
    await push(ana, [bo.del(gone.id)]);
    const { rows } = await t.db.query<{ v: number }>(
      'SELECT from_version AS v FROM history_generations WHERE community_id = $1 ORDER BY 1',
      [id],
    );
    expect(rows.map((r) => Number(r.v))).toEqual([1, 2]);
    await compactThrough(t.db, id, await headOf(id));
    expect(await batches(id)).toEqual([await headOf(id)]);
    const epoch = (await pull(ana)).json.epoch as string;
    expect((await pull(reader, kept)).status).toBe(410);
    const res = await pull(reader, lost);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ isReset: true });
    expect(res.json.epoch).not.toBe(epoch);
  });

  it('a retried push never depends on a pruned batch: it is all duplicates, and its rejections read the same', async () => {
    const { id, member } = await t.community();
    const ana = await member('Ana');
    const dev = client();
    const note = makeNote();
    const first = [dev.create(note), dev.del(note.id), dev.edit(note.id, { takeaway: 'Too late' })];
    const answer = await push(ana, first);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
    await push(ana, [dev.create()]);
    await compactThrough(t.db, id, await headOf(id));
    expect(await batches(id)).toEqual([await headOf(id)]);
    const before = await t.snapshot();
    const again = await push(ana, first);
    expect(again.results).toMatchObject([
      { status: 'duplicate' },
      { status: 'duplicate' },
      { ...answer.results[2], status: 'rejected' },
    ]);
    expect(await t.snapshot()).toBe(before);
  });
});
