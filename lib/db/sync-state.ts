import { uuidv7 } from 'uuidv7';
import type { CommonplaceDb } from './schema';

/** Device-wide sync settings. The client id names this install to the server (one mutation stream). */
export interface SyncSettings {
  endpoint: string;
  clientId: string;
  displayName: string;
}

/** One joined community: its credentials and where its sync stands. Lives in IndexedDB so a killed worker resumes. */
export interface Membership {
  communityId: string;
  communityName: string;
  memberId: string;
  token: string;
  endpoint: string;
  /** The user may keep a membership but pause syncing it. */
  isEnabled: boolean;
  /** Server version pulled up to (opaque to the client beyond ordering). */
  cursor: string | null;
  /** The server's epoch when the cursor was taken; a new epoch means the server lost data. */
  epoch: string | null;
  lastSyncAt: number | null;
  lastError: string | null;
  /** A pull from scratch after a server restore is under way (survives a worker restart). */
  isResetting?: boolean;
  /** Consecutive failures: drives exponential backoff. */
  attempt: number;
  /** Do not try before this time (backoff or Retry-After). */
  notBefore: number;
}

const SETTINGS = 'sync:settings';
const MEMBER = 'sync:member:';
const HLC = 'sync:hlc';

/** Read and write sync state in the `kv` table; every function works inside a caller's transaction too. */
export function syncState(db: CommonplaceDb) {
  return {
    /** Read-only (safe inside a live query); the client id is empty until `settings()` first makes one. */
    async readSettings(): Promise<SyncSettings> {
      const row = await db.kv.get(SETTINGS);
      return (row?.value as SyncSettings | undefined) ?? { endpoint: '', clientId: '', displayName: '' };
    },
    /** The settings, making this install's client id the first time. Needs a writable context. */
    async settings(): Promise<SyncSettings> {
      const row = await db.kv.get(SETTINGS);
      if (row) return row.value as SyncSettings;
      const fresh: SyncSettings = { endpoint: '', clientId: uuidv7(), displayName: '' };
      await db.kv.put({ key: SETTINGS, value: fresh });
      return fresh;
    },
    async saveSettings(patch: Partial<Omit<SyncSettings, 'clientId'>>): Promise<SyncSettings> {
      return db.transaction('rw', db.kv, async () => {
        const next = { ...(await this.settings()), ...patch };
        await db.kv.put({ key: SETTINGS, value: next });
        return next;
      });
    },
    async memberships(): Promise<Membership[]> {
      const rows = await db.kv.where('key').startsWith(MEMBER).toArray();
      return rows.map((r) => r.value as Membership);
    },
    async membership(communityId: string): Promise<Membership | undefined> {
      return (await db.kv.get(MEMBER + communityId))?.value as Membership | undefined;
    },
    async putMembership(m: Membership): Promise<void> {
      await db.kv.put({ key: MEMBER + m.communityId, value: m });
    },
    /** Merges `patch` into a membership if it still exists (it may have been left meanwhile). */
    async patchMembership(communityId: string, patch: Partial<Membership>): Promise<Membership | undefined> {
      return db.transaction('rw', db.kv, async () => {
        const m = await this.membership(communityId);
        if (!m) return undefined;
        const next = { ...m, ...patch, communityId };
        await db.kv.put({ key: MEMBER + communityId, value: next });
        return next;
      });
    },
    async deleteMembership(communityId: string): Promise<void> {
      await db.kv.delete(MEMBER + communityId);
    },
    async lastHlc(): Promise<string | null> {
      return ((await db.kv.get(HLC))?.value as string | undefined) ?? null;
    },
    async saveHlc(hlc: string): Promise<void> {
      await db.kv.put({ key: HLC, value: hlc });
    },
  };
}
export type SyncState = ReturnType<typeof syncState>;
