import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { CommonplaceDb } from './schema';
import { DAY_MS, type Digest } from '@/lib/digest';
import { makeNote, seedStore } from '@/lib/testing/digest-seed';
import {
  loadDigest,
  loadDigestByFullScan,
  prepareDigest,
  storedDigest,
  type DigestMemo,
  type DigestRequest,
} from './digest-engine';
import { DIGEST_KEYS } from './digest-keys';

const NOW = Date.parse('2026-11-25T12:00:00Z');
let n = 0;
const open = () => new CommonplaceDb(`digest-source-${n++}`);
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const req = (now = NOW): DigestRequest => ({ now, timeZone: 'Europe/Berlin', settings: { meIds: ['me'] } });
const withoutArchive = ({ archive: _a, ...rest }: Digest) => rest;

describe('loadDigest', () => {
  it('matches the full scan, serves the day cache, and folds in later changes', async () => {
    const db = open();
    dbs.push(db);
    const notes = seedStore(3000, NOW, 200, 7);
    await db.notes.bulkAdd(notes);
    await db.thanks.bulkAdd(
      notes.slice(0, 300).map((x, i) => ({
        id: `${x.id}:m${i % 5}`,
        noteId: x.id,
        memberId: `m${i % 5}`,
        communityId: 'c1',
        createdAt: NOW - (i % 10) * DAY_MS,
      })),
    );
    await db.events.bulkAdd([
      { type: 'duplicate-avoided', at: NOW - DAY_MS },
      { type: 'note-opened', noteId: notes[5]!.id, at: NOW - 3600_000 },
    ]);

    const first = await loadDigest(db, req());
    expect(withoutArchive(first)).toEqual(withoutArchive(await loadDigestByFullScan(db, req())));
    expect(first.archive).not.toBeNull();
    expect(await loadDigest(db, req())).toEqual(first);

    const q = first.unanswered.questions[0]!;
    const answer = makeNote({ createdAt: NOW + 1000, kind: 'answer', links: { answers: q.id }, communityId: 'c3' });
    const gone = {
      ...notes.find((x) => x.id === first.unanswered.questions[1]!.id)!,
      deletedAt: NOW + 2000,
      updatedAt: NOW + 2000,
    };
    await db.notes.bulkPut([answer, gone]);
    const later = await loadDigest(db, req(NOW + 5000));
    expect(later.unanswered.total).toBe(first.unanswered.total - 2);
    expect(withoutArchive(later)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(NOW + 5000))));
    expect(later.archive?.id).toBe(first.archive?.id);
  });

  it('with a memo (the service worker) skips rewriting the index, and a later reader of the stored one agrees', async () => {
    const db = open();
    dbs.push(db);
    await db.notes.bulkAdd(seedStore(1500, NOW, 120, 11));
    const memo: DigestMemo = {};
    await loadDigest(db, req(), memo);
    const written = (await db.kv.get('digest:index'))!.value as { cursor: number };
    const note = makeNote({ createdAt: NOW + 1000, kind: 'question', takeaway: 'Fresh question' });
    await db.notes.add(note);
    const later = await loadDigest(db, req(NOW + 2000), memo);
    expect(((await db.kv.get('digest:index'))!.value as { cursor: number }).cursor).toBe(written.cursor);
    expect(memo.index!.cursor).toBe(NOW + 1000);
    expect(withoutArchive(later)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(NOW + 2000))));
    await db.kv.delete('digest:day'); // a page computing from the older stored index gets the same digest
    expect(withoutArchive(await loadDigest(db, req(NOW + 2000)))).toEqual(withoutArchive(later));
    await db.notes.add(makeNote({ createdAt: NOW + 60_000, kind: 'win' }));
    await loadDigest(db, req(NOW + 70_000), memo); // a minute on, the next change writes the index again
    expect(((await db.kv.get('digest:index'))!.value as { cursor: number }).cursor).toBe(NOW + 60_000);
  });

  it('never replaces a digest stored by a run that started later', async () => {
    const db = open();
    dbs.push(db);
    await db.notes.bulkAdd(seedStore(200, NOW, 30, 5));
    await loadDigest(db, req(NOW + 10_000)); // e.g. the page, right after saving an answer
    const newer = await storedDigest(db);
    await db.notes.add(makeNote({ createdAt: NOW + 1, kind: 'win' }));
    await loadDigest(db, req(NOW + 5_000)); // the background's run that began before it
    expect(await storedDigest(db)).toEqual(newer);
  });

  it('without an index (after install or a big import) decodes the summaries, and of the notes only the few it shows', async () => {
    const db = open();
    dbs.push(db);
    let [decoded, isCounting] = [0, false];
    db.use({
      stack: 'dbcore',
      name: 'count-note-reads',
      create: (down: DBCore) => ({
        ...down,
        table(name: string) {
          const t = down.table(name);
          if (name !== 'notes') return t;
          return {
            ...t,
            query: async (r) => {
              const res = await t.query(r);
              if (isCounting && r.values !== false) decoded += res.result.length;
              return res;
            },
            getMany: async (r) => {
              const res = await t.getMany(r);
              if (isCounting) decoded += res.filter(Boolean).length;
              return res;
            },
            // Key cursors (newest edit, oldest note) decode no note; a cursor over values would.
            openCursor: (r) =>
              isCounting && r.values !== false
                ? Promise.reject(new Error('the digest walks no cursor over whole notes'))
                : t.openCursor(r),
          };
        },
      }),
    });
    const notes = seedStore(5000, NOW, 365, 13);
    await db.notes.bulkAdd(notes);
    isCounting = true;
    const cold = await loadDigest(db, req());
    isCounting = false;
    expect(withoutArchive(cold)).toEqual(withoutArchive(await loadDigestByFullScan(db, req())));
    const thisWeek = notes.filter((x) => x.createdAt >= cold.weekStart).length;
    expect(decoded).toBeGreaterThanOrEqual(thisWeek);
    expect(decoded).toBeLessThan(thisWeek + 300); // the old first run decoded all 5,000 (twice with the full scan)
  });

  it("picks the archive by every thank of the most-thanked notes (got by the thanks' keys)", async () => {
    const db = open();
    dbs.push(db);
    // A: three thanks and one opening (score 3*3-1 = 8); B: two thanks (6). Counting one thank a note, B would win.
    const old = NOW - 60 * DAY_MS;
    const [a, b] = [makeNote({ createdAt: old }), makeNote({ createdAt: old + 1 })];
    await db.notes.bulkAdd([a, b, makeNote({ createdAt: NOW - DAY_MS })]);
    const thank = (noteId: string, memberId: string) => ({
      id: `${noteId}:${memberId}`,
      noteId,
      memberId,
      communityId: 'c1',
      createdAt: old,
    });
    await db.thanks.bulkAdd([
      thank(a.id, 'm1'),
      thank(a.id, 'm2'),
      thank(a.id, 'm3'),
      thank(b.id, 'm1'),
      thank(b.id, 'm2'),
    ]);
    await db.events.add({ type: 'note-opened', noteId: a.id, at: NOW - DAY_MS });
    expect((await loadDigestByFullScan(db, req())).archive?.id).toBe(a.id);
    expect((await loadDigest(db, req())).archive?.id).toBe(a.id);
  });

  it('shows the stories made last, not those with the newest ids (an import mints new ids for old notes)', async () => {
    const db = open();
    dbs.push(db);
    // Last month's stories, made before the import: ids older than the imported ones'.
    const recent = [10, 12, 14].map((d) => makeNote({ kind: 'story', createdAt: NOW - d * DAY_MS }));
    // A year-old story collection imported today: new ids, the dates they were written kept.
    const imported = Array.from({ length: 20 }, (_, i) => ({
      ...makeNote({ kind: 'story' as const, createdAt: NOW - (400 + i) * DAY_MS }),
      id: makeNote({ createdAt: NOW }).id,
    }));
    await db.notes.bulkAdd([...recent, ...imported]);
    expect(imported.every((x) => recent.every((r) => x.id > r.id))).toBe(true);
    const shown = (await loadDigest(db, req())).stories.map((s) => s.id);
    expect(shown.slice(0, 3)).toEqual(recent.map((r) => r.id));
    expect(shown).toEqual((await loadDigestByFullScan(db, req())).stories.map((s) => s.id));
  });

  it('copes with an empty store', async () => {
    const db = open();
    dbs.push(db);
    const d = await loadDigest(db, req());
    expect(d.isEmpty).toBe(true);
    expect(d.harvest.total).toBe(0);
  });

  it('prepareDigest (a page painting first) writes nothing until it stores, then what loadDigest would', async () => {
    const db = open();
    dbs.push(db);
    await db.notes.bulkAdd(seedStore(800, NOW, 120, 5));
    const { digest, store } = await prepareDigest(db, req());
    expect(await storedDigest(db)).toBeNull();
    expect(await db.kv.get(DIGEST_KEYS.index)).toBeUndefined();
    expect(withoutArchive(digest)).toEqual(withoutArchive(await loadDigestByFullScan(db, req())));
    await store();
    expect((await storedDigest(db))?.digest).toEqual(digest);
    expect(await db.kv.get(DIGEST_KEYS.index)).toBeDefined();
    // Stored, it is served as it is: nothing left to store.
    const again = await prepareDigest(db, req());
    expect(again.digest).toEqual(digest);
  });
});
