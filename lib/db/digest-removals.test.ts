import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS, type Digest } from '@/lib/digest';
import { noteSummary } from '@/lib/digest/note-summary';
import type { Note, NoteKind } from '@/lib/model';
import { makeNote, seedStore } from '@/lib/testing/digest-seed';
import { storedSummaries } from '@/lib/testing/stored-summaries';
import { loadDigest, loadDigestByFullScan, type DigestMemo, type DigestRequest } from './digest-engine';
import { notesRepository } from './notes';
import { questionEventsRepository } from './question-events';
import { CommonplaceDb } from './schema';
import { DIGEST_KEYS } from './digest-keys';
import { compactChunk, compactSummaries, fillChunk, fillNoteSummaries, restartFill } from './summary-fill';
import { recountChunk, recountLiveFingerprint } from './live-fingerprint';
import { BUCKET_COUNT, BUCKET_FORMAT, encodeBucket } from './summary-bucket';

/**
 * The incremental digest index forgets what leaves the store (issue 19): after any mix of adds, edits, local
 * deletes and undos, tombstones pulled by sync (stamped by another device's clock), notes dropped by a compacted
 * reset or by leaving a community, and edits moving a note to another week, community or author, the digest
 * advanced from the stored index equals the digest computed from every note. Notes pulled with an older stamp
 * than the index has seen are folded too: the index follows the summaries' local write order, not the clocks.
 * "Did this answer it?" events (yes and no; by the asker, by a facilitator known by the pulled role or by the
 * user's own, by someone who may not confirm) reopen questions alike in both.
 */
const NOW = Date.parse('2026-11-25T12:00:00Z');
const KINDS: NoteKind[] = ['insight', 'question', 'answer', 'win', 'story', 'snippet', 'link'];
const PEOPLE = [undefined, { id: 'me', name: 'Me' }, { id: 'm1', name: 'Ann' }, { id: 'm2', name: 'Bo' }];
const COMMUNITIES = [undefined, 'c1', 'c2'];

let n = 0;
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
  const db = new CommonplaceDb(`digest-removals-${n++}`);
  dbs.push(db);
  return db;
};
// The user facilitates c1: their "no, that didn't answer it" counts there, not in c2.
const req = (now: number): DigestRequest => ({
  now,
  timeZone: 'Europe/Berlin',
  settings: { meIds: ['me'], facilitators: { c1: ['me'] } },
});
const withoutArchive = ({ archive: _a, ...rest }: Digest) => rest;

describe('the incremental digest after removals', () => {
  it('is empty again once the only note is deleted', async () => {
    const db = open();
    let t = NOW;
    const repo = notesRepository(db, () => t);
    const made = await repo.create({
      kind: 'insight',
      quote: 'A passage',
      takeaway: 'Something learnt',
      tags: [],
      selectors: [],
      page: { url: 'https://example.org/a', canonicalUrl: 'https://example.org/a', title: 'A' },
    });
    if (!made.ok) throw new Error(made.error);
    expect((await loadDigest(db, req(t + 1))).isEmpty).toBe(false);
    t += 60_000;
    expect((await repo.remove(made.value.id)).ok).toBe(true);
    const after = await loadDigest(db, req(t + 1));
    expect(after.isEmpty).toBe(true);
    expect(after.ghostTown).toEqual([]);
    expect(after.rituals).toEqual([]);
  });

  it('forgets a community whose notes all left (leaving it drops them)', async () => {
    const db = open();
    await db.notes.bulkAdd([
      makeNote({ createdAt: NOW - DAY_MS, communityId: 'c1' }),
      makeNote({ createdAt: NOW - 2 * DAY_MS, communityId: 'c2' }),
    ]);
    expect((await loadDigest(db, req(NOW))).rituals.map((r) => r.communityId).sort()).toEqual(['c1', 'c2']);
    await db.notes.where('communityId').equals('c2').delete();
    const after = await loadDigest(db, req(NOW + 1));
    expect(after.rituals.map((r) => r.communityId)).toEqual(['c1']);
    expect(withoutArchive(after)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(NOW + 1))));
  });

  it('equals the full scan after any sequence of writes and removals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.array(writeArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (seeded, batches, withMemo) => {
          const db = open();
          await db.notes.bulkAdd(seedStore(seeded, NOW - DAY_MS, 100, seeded + 1));
          const memo: DigestMemo | undefined = withMemo ? {} : undefined;
          let t = NOW;
          // The first digest (no index: after install or an import) is built from the summaries alone.
          const cold = await loadDigest(db, req(t), memo);
          expect(withoutArchive(cold)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(t))));
          for (const batch of batches) {
            t = await apply(db, batch, t);
            // Some writes moved into the buckets, some still in the log: the index folds both.
            if (batch.length % 2) await compactChunk(db, 3);
            const got = await loadDigest(db, req(t + 1), memo);
            expect(withoutArchive(got)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(t + 1))));
            expect((await storedSummaries(db)).map(({ seq: _s, ...rest }) => rest)).toEqual(
              (await db.notes.orderBy('id').toArray()).map(noteSummary),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('equals the full scan while the summary buckets are half filled (after an upgrade), and once they are', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.tuple(fc.array(writeArb, { maxLength: 5 }), fc.nat(3), fc.boolean()), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        async (seeded, steps, withMemo) => {
          const { db, memo } = await seededWithIndex(seeded, withMemo); // an index from before the upgrade
          let t = NOW;
          await restartFill(db); // what v6's upgrade leaves: no bucket filled, the fill due
          for (const [writes, chunks, isCold] of steps) {
            t = await apply(db, writes, t);
            for (let i = 0; i < chunks; i++) await fillChunk(db, 7);
            if (chunks === 3) await compactChunk(db, 5);
            if (isCold) await db.kv.delete(DIGEST_KEYS.index); // a new tab with no index yet
            await expectAsFullScan(db, t + 1, isCold ? undefined : memo);
          }
          await fillNoteSummaries(db, 7);
          await compactSummaries(db, 9);
          await expectSummariesOfNotes(db);
          t = await apply(db, steps[0]![0], t);
          await expectAsFullScan(db, t + 1, memo);
          await db.kv.delete(DIGEST_KEYS.index);
          await expectAsFullScan(db, t + 2);
        },
      ),
      { numRuns: 50 },
    );
  }, 120_000); // 50 runs of fills, compactions and full scans on fake-indexeddb: ~3 s alone, over 30 s beside a loaded run

  it('never reads bucket rows of the older layout, and refills them, whatever runs first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 120 }),
        fc.array(
          fc.tuple(fc.array(writeArb, { maxLength: 4 }), fc.constantFrom('fill', 'compact', 'none'), fc.boolean()),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.boolean(),
        async (seeded, steps, withMemo) => {
          const { db, memo } = await seededWithIndex(seeded, withMemo); // an index built from the older layout's rows
          let t = NOW;
          await toOlderLayout(db);
          for (const [writes, upkeep, isCold] of steps) {
            t = await apply(db, writes, t);
            if (upkeep === 'fill') await fillChunk(db, 7);
            if (upkeep === 'compact') await compactChunk(db, 5);
            if (isCold) await db.kv.delete(DIGEST_KEYS.index);
            await expectAsFullScan(db, t + 1, isCold ? undefined : memo);
          }
          await fillNoteSummaries(db, 7);
          await compactSummaries(db, 9);
          const rows = await db.summaryBuckets.toArray();
          expect(rows.every((r) => r.v === BUCKET_FORMAT && r.b < BUCKET_COUNT)).toBe(true);
          await expectSummariesOfNotes(db);
          await db.kv.delete(DIGEST_KEYS.index);
          await expectAsFullScan(db, t + 2);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
  it('equals the full scan when cold reads trust the kept live fingerprint, even with notes written around Dexie', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.boolean(),
        fc.array(
          fc.tuple(
            fc.array(writeArb, { maxLength: 4 }),
            fc.constantFrom('none', 'add', 'delete'),
            fc.constantFrom('compact', 'none'),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.boolean(),
        async (seeded, isRecounting, steps, withMemo) => {
          const { db, memo } = await seededWithIndex(seeded, withMemo);
          await compactSummaries(db, 9);
          // The fingerprint the middleware keeps from then on; sometimes a recount is still under way.
          if (isRecounting) await recountChunk(db, 7);
          else await recountLiveFingerprint(db);
          let t = NOW;
          for (const [writes, around, upkeep, isCold] of steps) {
            t = await apply(db, writes, t);
            if (upkeep === 'compact') await compactChunk(db, 5);
            // Rows written around Dexie (a seeding script, devtools) reach neither the summaries nor the
            // fingerprint: only a cold read's count of the notes can see them, so they come right before one (a
            // store with no digest yet: a stored one is served while nothing written through Dexie changed).
            if (around !== 'none' && isCold) await writeAroundDexie(db, around, t);
            if (isCold) await db.kv.bulkDelete([DIGEST_KEYS.index, DIGEST_KEYS.ready]);
            await expectAsFullScan(db, t + 1, isCold ? undefined : memo);
            const ready = (await db.kv.get(DIGEST_KEYS.ready))?.value as { digest: Digest } | undefined;
            expect(withoutArchive(ready!.digest)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(t + 1))));
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

/** Adds two notes, or deletes the first (when there is one), straight through IndexedDB: no middleware runs. */
async function writeAroundDexie(db: CommonplaceDb, what: 'add' | 'delete', at: number) {
  const first = await db.notes.orderBy('id').first();
  const idb = db.backendDB();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('notes', 'readwrite');
    const notes = tx.objectStore('notes');
    if (what === 'add') {
      notes.put(makeNote({ createdAt: at - DAY_MS, kind: 'win', communityId: 'c1' }));
      notes.put(makeNote({ createdAt: at - 20 * DAY_MS, kind: 'question', communityId: 'c2' }));
    } else if (first) notes.delete(first.id);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * The store as the 128-bucket layout left it: rows numbered by FNV-1a mod 128, without `v`, and no layout marker.
 * Their columns are given other meanings here (each kind read as the next one) because a row of another layout
 * may mean anything: reading it as this one gives a wrong digest, which the property above would see.
 */
async function toOlderLayout(db: CommonplaceDb) {
  const rows = (await storedSummaries(db)).map((r) => ({
    ...r,
    kind: KINDS[(KINDS.indexOf(r.kind) + 1) % KINDS.length]!,
  }));
  const by = new Map<number, typeof rows>();
  for (const r of rows) {
    let h = 2166136261;
    for (let i = 0; i < r.id.length; i++) h = Math.imul(h ^ r.id.charCodeAt(i), 16777619);
    const b = (h >>> 0) % 128;
    by.set(b, [...(by.get(b) ?? []), r]);
  }
  await db.transaction('rw', [db.summaryBuckets, db.summaryLog, db.kv], async () => {
    await db.summaryBuckets.clear();
    await db.summaryLog.clear();
    await db.summaryBuckets.bulkPut(
      [...by].map(([b, list]) => ({ ...encodeBucket(b, list), v: undefined as unknown as number })),
    );
    await db.kv.delete(DIGEST_KEYS.layout);
  });
}

type Write =
  | { op: 'add' | 'pull'; daysAgo: number; kind: number; who: number; cm: number; answers: number | null }
  | { op: 'edit' | 'delete' | 'restore' | 'tombstone' | 'drop'; pick: number; kind: number }
  | { op: 'move'; pick: number; field: 'week' | 'community' | 'author'; to: number }
  | { op: 'leave'; cm: number }
  | { op: 'confirm'; pick: number; isAnswered: boolean; by: 'asker' | 'me' | 'facilitator' | 'member' | 'nobody' };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constantFrom('add' as const, 'pull' as const),
      daysAgo: fc.integer({ min: 0, max: 100 }),
      kind: fc.nat(KINDS.length - 1),
      who: fc.nat(PEOPLE.length - 1),
      cm: fc.nat(COMMUNITIES.length - 1),
      answers: fc.option(fc.nat(), { nil: null }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constantFrom(
        'edit' as const,
        'delete' as const,
        'restore' as const,
        'tombstone' as const,
        'drop' as const,
      ),
      pick: fc.nat(),
      kind: fc.nat(KINDS.length - 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      pick: fc.nat(),
      field: fc.constantFrom('week' as const, 'community' as const, 'author' as const),
      to: fc.nat(200),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('leave' as const), cm: fc.nat(COMMUNITIES.length - 1) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('confirm' as const),
      pick: fc.nat(),
      isAnswered: fc.boolean(),
      by: fc.constantFrom(
        'asker' as const,
        'me' as const,
        'facilitator' as const,
        'member' as const,
        'nobody' as const,
      ),
    }),
  },
);

let eventSeq = 0;

/**
 * Applies writes the ways the app makes them: the repository for local adds, edits, deletes and undos; the
 * same Dexie calls sync makes for what it pulls (a note created earlier, a tombstone or an edit stamped by
 * another device's clock, a note dropped by a compacted reset) and for leaving a community.
 */
async function apply(db: CommonplaceDb, writes: Write[], at: number): Promise<number> {
  let t = at;
  const repo = notesRepository(db, () => t);
  for (const w of writes) {
    t += 1000;
    const all = await db.notes.orderBy('id').toArray();
    const target = all.length && 'pick' in w ? all[w.pick % all.length]! : undefined;
    if (w.op === 'add' || w.op === 'pull') {
      const questions = all.filter((x) => x.kind === 'question');
      const q = w.answers !== null && questions.length ? questions[w.answers % questions.length] : undefined;
      const author = PEOPLE[w.who];
      const note: Note = makeNote({
        createdAt: t - w.daysAgo * DAY_MS,
        kind: KINDS[w.kind]!,
        communityId: COMMUNITIES[w.cm],
        ...(author ? { author } : {}),
        ...(q ? { links: { answers: q.id } } : {}),
      });
      // A pulled note keeps its author's stamp, which may be older than anything already folded.
      await db.notes.put({ ...note, updatedAt: w.op === 'add' ? t : note.createdAt + 1 });
    } else if (w.op === 'confirm') {
      // As sync pulls them (with the member's role) or as the user records one (no role: their own).
      const questions = all.filter((x) => x.kind === 'question');
      const q = questions.length ? questions[w.pick % questions.length]! : undefined;
      if (!q) continue;
      const by = w.by === 'asker' ? (q.author?.id ?? 'me') : w.by === 'me' ? 'me' : `m-${w.by}`;
      const role = w.by === 'facilitator' ? 'facilitator' : w.by === 'member' ? 'member' : undefined;
      await questionEventsRepository(db).put({
        id: `00000000-0000-4000-8000-${String(++eventSeq).padStart(12, '0')}`,
        type: 'confirmed',
        questionId: q.id,
        by,
        at: t,
        isAnswered: w.isAnswered,
        communityId: q.communityId ?? null,
        ...(role ? { byRole: role } : {}),
      });
    } else if (w.op === 'leave') {
      const cm = COMMUNITIES[w.cm];
      if (cm) await db.notes.where('communityId').equals(cm).delete();
    } else if (!target) {
      continue;
    } else if (w.op === 'edit') {
      await repo.update(target.id, { kind: KINDS[w.kind]! });
    } else if (w.op === 'delete') {
      await repo.remove(target.id);
    } else if (w.op === 'restore') {
      await repo.restore(target.id);
    } else if (w.op === 'tombstone') {
      // Pulled: the other device's clock may be behind ours, so its stamp can be older than the index's cursor.
      await db.notes.put({ ...target, deletedAt: target.updatedAt + 1, updatedAt: target.updatedAt + 1 });
    } else if (w.op === 'drop') {
      await db.notes.delete(target.id);
    } else if (w.op === 'move') {
      const change: Partial<Note> =
        w.field === 'week'
          ? { createdAt: NOW - (w.to % 100) * DAY_MS }
          : w.field === 'community'
            ? { communityId: COMMUNITIES[w.to % COMMUNITIES.length] }
            : { author: PEOPLE[1 + (w.to % (PEOPLE.length - 1))]! };
      await db.notes.put({ ...target, ...change, updatedAt: t });
    }
  }
  return t;
}

/** The digest at `at` (through `memo`'s index when given, cold without) equals the full scan's. */
async function expectAsFullScan(db: CommonplaceDb, at: number, memo?: DigestMemo) {
  const got = await loadDigest(db, req(at), memo);
  expect(withoutArchive(got)).toEqual(withoutArchive(await loadDigestByFullScan(db, req(at))));
}

/** Every stored summary (buckets and log merged) is the summary of the stored note. */
async function expectSummariesOfNotes(db: CommonplaceDb) {
  expect((await storedSummaries(db)).map(({ seq: _s, ...rest }) => rest)).toEqual(
    (await db.notes.orderBy('id').toArray()).map(noteSummary),
  );
}

/** A store of `seeded` notes from a day ago with a digest index over them (kept in a memo when asked). */
async function seededWithIndex(seeded: number, withMemo: boolean) {
  const db = open();
  await db.notes.bulkAdd(seedStore(seeded, NOW - DAY_MS, 100, seeded + 1));
  const memo: DigestMemo | undefined = withMemo ? {} : undefined;
  await loadDigest(db, req(NOW), memo);
  return { db, memo };
}
