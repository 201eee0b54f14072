import { PERSONAL } from './types';

/** The id personal notes saved without an author are filed under. */
export const LOCAL_ME = 'me';

export interface Identity {
  /** The user's member id per community. */
  memberIds: Record<string, string>;
  displayName: string;
  communityNames: Record<string, string>;
  /** The communities where the user is a facilitator or admin (their membership's role). */
  facilitates?: string[];
}

/**
 * Who the user is in each community, from the sync state rows (`sync:member:*` values and `sync:settings`'s
 * value). Pure, so the new tab's first paint (raw IndexedDB) and the background (Dexie) read it the same way.
 */
export function identityFromRows(members: readonly unknown[], settings: unknown): Identity {
  const memberIds: Record<string, string> = {};
  const communityNames: Record<string, string> = { [PERSONAL]: 'Personal' };
  const facilitates: string[] = [];
  for (const value of members) {
    const m = (value ?? {}) as { communityId?: unknown; memberId?: unknown; communityName?: unknown; role?: unknown };
    if (typeof m.communityId !== 'string' || typeof m.memberId !== 'string') continue;
    memberIds[m.communityId] = m.memberId;
    if (m.role === 'facilitator' || m.role === 'admin') facilitates.push(m.communityId);
    if (typeof m.communityName === 'string') communityNames[m.communityId] = m.communityName;
  }
  const name = (settings as { displayName?: unknown } | undefined)?.displayName;
  return {
    memberIds,
    displayName: typeof name === 'string' ? name : '',
    communityNames,
    ...(facilitates.length ? { facilitates: facilitates.sort() } : {}),
  };
}

/** The ids that count as "me" in the digest: the personal id first, then one per community. */
export const meIdsOf = (identity: Identity): string[] => [LOCAL_ME, ...Object.values(identity.memberIds)];

/** Community -> [the user's member id] where the user facilitates (DigestSettings.facilitators). */
export function facilitatorsOf(identity: Identity): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const cm of identity.facilitates ?? []) if (identity.memberIds[cm]) out[cm] = [identity.memberIds[cm]];
  return out;
}

/**
 * What a stored digest was computed for, besides day and zone: if this differs from the reader's, the stored
 * digest belongs to other settings and must be recomputed.
 */
export function settingsKey(meIds: readonly string[], rituals: unknown): string {
  return JSON.stringify([meIds, rituals ?? {}]);
}
