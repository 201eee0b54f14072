import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DIGEST_KEYS } from './digest-keys';
import { readDigestSnapshot } from './digest-snapshot';
import { CommonplaceDb } from './schema';

describe('readDigestSnapshot', () => {
  it('is null before the database exists, and does not create it (Dexie must, with its schema)', async () => {
    expect(await readDigestSnapshot('digest-snapshot-none')).toBeNull();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('digest-snapshot-none');
    const db = new CommonplaceDb('digest-snapshot-none');
    await db.kv.put({ key: 'x', value: 1 }); // opens fine afterwards
    await db.delete();
  });

  it('reads the ready digest, the pending mark and the identity rows in one go', async () => {
    const db = new CommonplaceDb('digest-snapshot-some');
    const ready = { fingerprint: 'f', settingsKey: 'k', computedAt: 5, digest: { day: '2026-11-25' } };
    await db.kv.bulkPut([
      { key: DIGEST_KEYS.ready, value: ready },
      { key: DIGEST_KEYS.pending, value: 9 },
      { key: 'sync:member:c1', value: { communityId: 'c1', memberId: 'u1' } },
      { key: 'sync:member:c2', value: { communityId: 'c2', memberId: 'u2' } },
      { key: 'sync:settings', value: { displayName: 'Sam' } },
      { key: 'sync:memberz', value: 'not a member row' },
    ]);
    const snap = await readDigestSnapshot('digest-snapshot-some');
    expect(snap).toEqual({
      ready,
      pending: 9,
      members: [
        { communityId: 'c1', memberId: 'u1' },
        { communityId: 'c2', memberId: 'u2' },
      ],
      syncSettings: { displayName: 'Sam' },
    });
    await db.delete();
  });
});
