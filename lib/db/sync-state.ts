import { uuidv7 } from 'uuidv7';
import type { CommonplaceDb } from './schema';
import { serverKey } from '../sync/endpoint';

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
  /** Your role when you joined (facilitators see escalated questions and confirm answers). */
  role?: 'member' | 'facilitator' | 'admin';
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
export const MEMBER = 'sync:member:';

/**
 * A membership's row key: by server and community, so a server claiming another's community id can never
 * overwrite the real membership (its token, its endpoint). Rows written before v3 were keyed by community only.
 */
export function membershipKey(m: Pick<Membership, 'endpoint' | 'communityId'>): string {
  return `${MEMBER}${serverKey(m.endpoint)} ${m.communityId}`;
}
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
    /** The membership of a community (one server per community: `putMembership` refuses a second). */
    async membership(communityId: string): Promise<Membership | undefined> {
      return (await this.membershipRow(communityId))?.value as Membership | undefined;
    },
    async membershipRow(communityId: string) {
      return db.kv
        .where('key')
        .startsWith(MEMBER)
        .filter((r) => (r.value as Membership | undefined)?.communityId === communityId)
        .first();
    },
    /**
     * Stores a membership under its (server, community) key. A membership of the same community through
     * another server is never replaced: that throws (join checks first and says why).
     */
    async putMembership(m: Membership): Promise<void> {
      await db.transaction('rw', db.kv, async () => {
        const row = await this.membershipRow(m.communityId);
        const held = row?.value as Membership | undefined;
        if (row && held?.endpoint && serverKey(held.endpoint) !== serverKey(m.endpoint)) {
          throw new Error(`Community ${m.communityId} is already joined through ${held.endpoint}`);
        }
        if (row) await db.kv.delete(row.key);
        await db.kv.put({ key: membershipKey(m), value: m });
      });
    },
    /** Merges `patch` into a membership if it still exists (it may have been left meanwhile). */
    async patchMembership(communityId: string, patch: Partial<Membership>): Promise<Membership | undefined> {
      return db.transaction('rw', db.kv, async () => {
        const row = await this.membershipRow(communityId);
        if (!row) return undefined;
        // Neither the community nor the server of a membership changes by a patch.
        const m = row.value as Membership;
        const next = { ...m, ...patch, communityId, endpoint: m.endpoint };
        await db.kv.put({ key: row.key, value: next });
        return next;
      });
    },
    async deleteMembership(communityId: string): Promise<void> {
      const row = await this.membershipRow(communityId);
      if (row) await db.kv.delete(row.key);
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
