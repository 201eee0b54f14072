import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { DAY_MS, type Digest } from '@/lib/digest';
import { makeNote, seedStore } from '@/lib/testing/digest-seed';
import { loadDigest, loadDigestByFullScan, prepareDigest, storedDigest, type DigestRequest } from './digest-engine';
import { DIGEST_KEYS } from './digest-keys';
import { LIVE_FINGERPRINT_KEY, LIVE_RECOUNT_KEY, recountChunk, recountLiveFingerprint } from './live-fingerprint';
import { CommonplaceDb } from './schema';
import { compactSummaries, fillNoteSummaries } from './summary-fill';

/**
 * The cold digest checks the note summaries against the live fingerprint the notes middleware keeps instead of
 * counting the notes before the paint (issue 19: a third of the cold read at 50k notes), and counts them once the
 * digest is painted, before storing anything built on them.
 */
const NOW = Date.parse('2026-11-25T12:00:00Z');
const req = (now = NOW): DigestRequest => ({ now, timeZone: 'Europe/Berlin', settings: { meIds: ['me'] } });
const withoutArchive = ({ archive: _a, ...rest }: Digest) => rest;

let n = 0;
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A store of 600 notes, compacted, its fingerprint counted, and how many times the notes were counted since. */
async function seeded() {
  const db = new CommonplaceDb(`summary-count-${n++}`);
  dbs.push(db);
  const counted = { notes: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-note-counts',
    create: (down: DBCore) => ({
      ...down,
      table(name: string) {
        const t = down.table(name);
        return name === 'notes' ? { ...t, count: (r) => (counted.notes++, t.count(r)) } : t;
      },
    }),
  });
  await db.notes.bulkAdd(seedStore(600, NOW - DAY_MS, 120, 3));
  await compactSummaries(db);
  await recountLiveFingerprint(db);
  counted.notes = 0;
  return { db, counted };
}

/** Notes put straight through IndexedDB: neither the summaries nor the fingerprint hear of them. */
async function putAroundDexie(db: CommonplaceDb, count: number) {
  const tx = db.backendDB().transaction('notes', 'readwrite');
  for (let i = 0; i < count; i++) tx.objectStore('notes').put(makeNote({ createdAt: NOW - i * DAY_MS, kind: 'win' }));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('the cold digest and the notes count', () => {
  it('counts no notes before the paint where the fingerprint is kept, and counts them once when storing', async () => {
    const { db, counted } = await seeded();
    const { digest, store } = await prepareDigest(db, req());
    expect(counted.notes).toBe(0);
    expect(withoutArchive(digest)).toEqual(withoutArchive(await loadDigestByFullScan(db, req())));
    expect(await store()).toBe(true);
    expect(counted.notes).toBe(1);
    expect((await storedDigest(db))?.digest).toEqual(digest);
  });

  it('counts the notes up front while a recount is under way, or where none was ever kept', async () => {
    const { db, counted } = await seeded();
    await db.kv.delete(LIVE_FINGERPRINT_KEY);
    await recountChunk(db, 50); // a recount cut short: its count so far is partial
    const first = await prepareDigest(db, req());
    expect(counted.notes).toBe(1);
    expect(await first.store()).toBe(true);
    expect(counted.notes).toBe(1); // counted before the paint: nothing left to confirm
    await db.kv.bulkDelete([LIVE_FINGERPRINT_KEY, LIVE_RECOUNT_KEY, DIGEST_KEYS.index, DIGEST_KEYS.ready]);
    const second = await prepareDigest(db, req());
    expect(counted.notes).toBe(2);
    expect(withoutArchive(second.digest)).toEqual(withoutArchive(await loadDigestByFullScan(db, req())));
  });

  it('never trusts a kept fingerprint that disagrees with the summaries (count or sum)', async () => {
    const { db, counted } = await seeded();
    const kept = (await db.kv.get(LIVE_FINGERPRINT_KEY))!.value as { count: number; sum: number };
    for (const wrong of [
      { ...kept, count: kept.count + 1 },
      { ...kept, sum: kept.sum + 1 },
    ]) {
      await db.kv.bulkDelete([DIGEST_KEYS.index, DIGEST_KEYS.ready]);
      await db.kv.put({ key: LIVE_FINGERPRINT_KEY, value: wrong });
      const before = counted.notes;
      const { digest, store } = await prepareDigest(db, req());
      expect(counted.notes).toBe(before + 1); // fell back to counting the notes
      expect(withoutArchive(digest)).toEqual(withoutArchive(await loadDigestByFullScan(db, req())));
      expect(await store()).toBe(true);
      expect(await db.kv.get(LIVE_FINGERPRINT_KEY)).toBeUndefined(); // dropped, to be counted again
    }
  });

  it('stores nothing built on summaries that notes written around Dexie made stale, and then gets it right', async () => {
    const { db, counted } = await seeded();
    await putAroundDexie(db, 3);
    const full = withoutArchive(await loadDigestByFullScan(db, req()));
    // The page's order: the digest first (its summaries agree with the stale fingerprint), then the store's count.
    const { digest, store } = await prepareDigest(db, req());
    expect(withoutArchive(digest)).not.toEqual(full);
    expect(await store()).toBe(false);
    expect(await storedDigest(db)).toBeNull();
    expect(await db.kv.get(DIGEST_KEYS.index)).toBeUndefined();
    // What the page and the background then do: compute again, counting.
    expect(withoutArchive(await loadDigest(db, req(), undefined, { isCounted: true }))).toEqual(full);
    expect(withoutArchive((await storedDigest(db))!.digest)).toEqual(full);
    // The fingerprint that missed them is dropped; counted again (the upkeep), cold reads trust it again.
    expect(await db.kv.get(LIVE_FINGERPRINT_KEY)).toBeUndefined();
    await fillNoteSummaries(db); // the background's refill of the summaries, then its recount
    await recountLiveFingerprint(db);
    await db.kv.bulkDelete([DIGEST_KEYS.index, DIGEST_KEYS.ready]);
    const counts = counted.notes;
    const again = await prepareDigest(db, req());
    expect(counted.notes).toBe(counts);
    expect(withoutArchive(again.digest)).toEqual(full);
    expect(await again.store()).toBe(true);
    // loadDigest alone (the background) does both steps.
    await db.kv.bulkDelete([DIGEST_KEYS.index, DIGEST_KEYS.ready]);
    await putAroundDexie(db, 2);
    expect(withoutArchive(await loadDigest(db, req(NOW + 1)))).toEqual(
      withoutArchive(await loadDigestByFullScan(db, req(NOW + 1))),
    );
  });

  it('stores nothing when notes were written through Dexie between the read and the count', async () => {
    const { db } = await seeded();
    const { store } = await prepareDigest(db, req());
    await db.notes.put(makeNote({ createdAt: NOW - 2 * DAY_MS, kind: 'question' }));
    expect(await store()).toBe(false);
    expect(await storedDigest(db)).toBeNull();
    expect(withoutArchive(await loadDigest(db, req(NOW + 1)))).toEqual(
      withoutArchive(await loadDigestByFullScan(db, req(NOW + 1))),
    );
  });
});
