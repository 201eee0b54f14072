import { DIGEST_KEYS } from './digest-keys';
import { openExisting } from './open-existing';
import type { StoredDigest } from './digest-engine';

/** What a new tab needs for its first paint, read in one IndexedDB transaction. */
export interface DigestSnapshot {
  ready: StoredDigest | null;
  /** A change seen after `ready` was computed (ms), or null. */
  pending: number | null;
  /** Values of the `sync:member:*` rows and of `sync:settings`: who the user is. */
  members: unknown[];
  syncSettings: unknown;
}

/**
 * The ready digest and the identity rows, straight from IndexedDB without Dexie, so the new tab's first paint
 * waits for neither Dexie's code nor its open. Null when the database does not exist yet (it is never created
 * here: the upgrade is aborted, Dexie creates it with its schema).
 */
export async function readDigestSnapshot(name = 'commonplace'): Promise<DigestSnapshot | null> {
  const idb = await openExisting(name, 'kv');
  if (!idb) return null;
  return new Promise((resolve, reject) => {
    const kv = idb.transaction('kv').objectStore('kv');
    const out: DigestSnapshot = { ready: null, pending: null, members: [], syncSettings: undefined };
    const value = (r: IDBRequest) => (r.result as { value?: unknown } | undefined)?.value;
    const ready = kv.get(DIGEST_KEYS.ready);
    ready.onsuccess = () => {
      const row = value(ready) as StoredDigest | undefined;
      out.ready = row?.digest && typeof row.settingsKey === 'string' ? row : null;
    };
    const pending = kv.get(DIGEST_KEYS.pending);
    pending.onsuccess = () => {
      const at = value(pending);
      out.pending = typeof at === 'number' ? at : null;
    };
    const members = kv.getAll(IDBKeyRange.bound('sync:member:', 'sync:member:\uffff'));
    members.onsuccess = () => (out.members = (members.result as { value: unknown }[]).map((r) => r.value));
    const settings = kv.get('sync:settings');
    settings.onsuccess = () => (out.syncSettings = value(settings));
    kv.transaction.oncomplete = () => {
      idb.close();
      resolve(out);
    };
    kv.transaction.onerror = () => {
      idb.close();
      reject(kv.transaction.error);
    };
  });
}
