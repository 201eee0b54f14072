import type { CommonplaceDb } from '@/lib/db';
import { PERSONAL } from '@/lib/digest';

/** The id personal notes saved without an author are filed under. */
export const LOCAL_ME = 'me';

export interface Identity {
  /** The user's member id per community. */
  memberIds: Record<string, string>;
  displayName: string;
  communityNames: Record<string, string>;
}

/**
 * Who the user is in each community, read from the sync state rows in `kv` (lib/db/sync-state.ts writes them).
 * TODO(2026-11-27): use syncState(db).memberships() once lib/db exports it.
 */
export async function readIdentity(db: CommonplaceDb): Promise<Identity> {
  const [rows, settings] = await Promise.all([
    db.kv.where('key').startsWith('sync:member:').toArray(),
    db.kv.get('sync:settings'),
  ]);
  const memberIds: Record<string, string> = {};
  const communityNames: Record<string, string> = { [PERSONAL]: 'Personal' };
  for (const { value } of rows) {
    const m = value as { communityId?: unknown; memberId?: unknown; communityName?: unknown };
    if (typeof m.communityId !== 'string' || typeof m.memberId !== 'string') continue;
    memberIds[m.communityId] = m.memberId;
    if (typeof m.communityName === 'string') communityNames[m.communityId] = m.communityName;
  }
  const name = (settings?.value as { displayName?: unknown } | undefined)?.displayName;
  return { memberIds, displayName: typeof name === 'string' ? name : '', communityNames };
}

export const meIdsOf = (identity: Identity) => [LOCAL_ME, ...Object.values(identity.memberIds)];
