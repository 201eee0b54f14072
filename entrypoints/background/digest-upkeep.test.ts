import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CommonplaceDb } from '@/lib/db';
import { DIGEST_KEYS } from '@/lib/db/digest-keys';
import { readDigestSnapshot } from '@/lib/db/digest-snapshot';
import { storedDigest } from '@/lib/db/digest-engine';
import { dayString, DAY_MS, localDay } from '@/lib/digest';
import { makeNote, seedStore } from '@/lib/testing/digest-seed';
import { noteSummary } from '@/lib/digest/note-summary';
import { COMPACT_AT, isCompactionDue, isFillDue, restartFill } from '@/lib/db/summary-fill';
import { storedSummaries } from '@/lib/testing/stored-summaries';
import { BUCKET_COUNT } from '@/lib/db/summary-bucket';
import { readLiveFingerprint } from '@/lib/db/live-fingerprint';
import { SimilarityIndex } from '@/lib/similarity';
import { createDigestUpkeep, nextMidnight } from './digest-upkeep';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ZONE = 'Europe/Berlin';
let n = 0;
let db: CommonplaceDb;
beforeEach(() => {
  fakeBrowser.reset();
  db = new CommonplaceDb(`digest-upkeep-${n++}`);
});
afterEach(async () => {
  await db.delete();
});

const upkeepFor = (clock: () => number, announce = vi.fn()) =>
  createDigestUpkeep(db, { delayMs: 5, now: clock, timeZone: () => ZONE, announce });
const until = async (f: () => Promise<boolean>) => {
  for (let i = 0; i < 400 && !(await f()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('digest upkeep', () => {
  it('fills the summary buckets a restart left due, and compacts a long log, before computing', async () => {
    const upkeep = upkeepFor(() => NOW);
    await db.notes.bulkAdd(seedStore(COMPACT_AT + 10, NOW - DAY_MS, 60, 5)); // one log row per note
    expect(await isCompactionDue(db)).toBe(true);
    await upkeep.refresh();
    expect(await db.summaryLog.count()).toBe(0);
    expect(await db.summaryBuckets.count()).toBe(BUCKET_COUNT);
    await restartFill(db); // what v6's upgrade leaves
    await upkeep.refresh();
    expect(await isFillDue(db)).toBe(false);
    expect((await storedSummaries(db)).map(({ seq: _s, ...r }) => r)).toEqual(
      (await db.notes.orderBy('id').toArray()).map(noteSummary),
    );
  });

  it('counts the live fingerprint once where none is kept, which the notes middleware then keeps', async () => {
    const upkeep = upkeepFor(() => NOW);
    await db.notes.bulkAdd(seedStore(300, NOW - DAY_MS, 60, 9));
    expect(await readLiveFingerprint(db)).toBeNull();
    await upkeep.refresh();
    const live = async () => {
      let [count, sum] = [0, 0];
      for (const x of await db.notes.toArray()) {
        if (x.deletedAt !== undefined) continue;
        count++;
        sum = SimilarityIndex.addToSum(sum, x.updatedAt);
      }
      return { count, sum };
    };
    expect(await readLiveFingerprint(db)).toEqual(await live());
    await db.notes.put(makeNote({ createdAt: NOW, kind: 'win' }));
    expect(await readLiveFingerprint(db)).toEqual(await live());
  });

  it('marks the ready digest pending on a change, recomputes once after a burst, then clears the mark', async () => {
    let t = NOW;
    const announce = vi.fn();
    const upkeep = upkeepFor(() => t, announce);
    await db.notes.bulkAdd(seedStore(500, NOW - DAY_MS, 60, 3));
    await upkeep.refresh();
    expect(announce).toHaveBeenCalledTimes(1);
    const before = (await storedDigest(db))!;
    expect(before.digest.day).toBe(dayString(localDay(NOW, ZONE)));

    t = NOW + 60_000;
    const win = makeNote({ createdAt: t, updatedAt: t, kind: 'win', takeaway: 'Harvested while no tab was open' });
    await db.notes.add(win);
    for (let i = 0; i < 5; i++) upkeep.changed();
    await until(async () => (await db.kv.get(DIGEST_KEYS.pending)) !== undefined);
    expect((await db.kv.get(DIGEST_KEYS.pending))?.value).toBe(t);
    await until(async () => announce.mock.calls.length === 2);

    const after = (await storedDigest(db))!;
    expect(after.digest.wins.map((w) => w.id)).toContain(win.id);
    expect(after.computedAt).toBe(t);
    expect(await db.kv.get(DIGEST_KEYS.pending)).toBeUndefined();
    expect(announce).toHaveBeenCalledTimes(2); // five changes, one run
  });

  it('keeps the pending mark of a change seen while a run was under way', async () => {
    let t = NOW;
    const upkeep = upkeepFor(() => t);
    await upkeep.refresh();
    t = NOW + 1000;
    await db.kv.put({ key: DIGEST_KEYS.pending, value: NOW + 5000 }); // seen after this run started
    await upkeep.refresh();
    const snap = (await readDigestSnapshot(db.name))!;
    expect(snap.pending).toBe(NOW + 5000);
    expect(snap.pending! > snap.ready!.computedAt).toBe(true);
  });

  it('a fresh worker (the old one was killed) catches up from IndexedDB alone', async () => {
    await upkeepFor(() => NOW).refresh();
    const question = makeNote({ createdAt: NOW + 10, updatedAt: NOW + 10, kind: 'question', takeaway: 'Anyone?' });
    await db.notes.add(question); // no hook saw it: the worker was gone
    await db.kv.put({ key: DIGEST_KEYS.pending, value: NOW + 10 });
    await upkeepFor(() => NOW + 20).refresh();
    const ready = (await storedDigest(db))!;
    expect(ready.digest.unanswered.questions.map((q) => q.id)).toContain(question.id);
    expect(await db.kv.get(DIGEST_KEYS.pending)).toBeUndefined();
  });

  it('computes with the stored ritual schedules and identity, so the new tab can tell whether it matches', async () => {
    await db.kv.put({ key: 'sync:member:c1', value: { communityId: 'c1', memberId: 'u-me', communityName: 'Guild' } });
    await upkeepFor(() => NOW).refresh();
    const first = (await storedDigest(db))!.settingsKey;
    await fakeBrowser.storage.local.set({
      'digest:rituals': { c1: [{ id: 'r1', kind: 'ama', title: 'AMA', cadence: 'monthly', anchor: '2026-11-02' }] },
    });
    await upkeepFor(() => NOW).refresh();
    const second = (await storedDigest(db))!;
    expect(second.settingsKey).not.toBe(first);
    expect(second.digest.rituals.find((r) => r.communityId === 'c1')?.rituals.map((r) => r.ritual.title)).toEqual([
      'AMA',
    ]);
  });
});

describe('nextMidnight', () => {
  it('is the next local midnight (plus a second), across a DST change', () => {
    expect(new Date(nextMidnight(NOW, ZONE)).toISOString()).toBe('2026-11-25T23:00:01.000Z');
    // Berlin leaves summer time on 2026-10-25: that night's midnight is still UTC+2.
    expect(new Date(nextMidnight(Date.parse('2026-10-24T12:00:00Z'), ZONE)).toISOString()).toBe(
      '2026-10-24T22:00:01.000Z',
    );
    expect(new Date(nextMidnight(Date.parse('2026-10-25T12:00:00Z'), ZONE)).toISOString()).toBe(
      '2026-10-25T23:00:01.000Z',
    );
  });
});
