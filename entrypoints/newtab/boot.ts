import { readDigestSettings } from '@/lib/db/digest-settings';
import { readDigestSnapshot } from '@/lib/db/digest-snapshot';
import type { StoredDigest } from '@/lib/db/digest-engine';
// Single modules, not the lib/digest barrel: the first paint must not pull the model's zod schemas.
import { freshness, type Freshness } from '@/lib/digest/freshness';
import { identityFromRows, meIdsOf, settingsKey, type Identity } from '@/lib/digest/identity';
import { dayString, localDay } from '@/lib/digest/time';

/** What the first paint needs, read without Dexie: the stored digest, who the user is, the settings. */
export interface Boot {
  now: number;
  timeZone: string;
  isMinimal: boolean;
  rawRituals: unknown;
  identity: Identity;
  ready: StoredDigest | null;
  freshness: Freshness;
}

/** Reads the stored digest and settings in parallel (one IndexedDB transaction, one storage read). */
export async function readBoot(now: number, timeZone: string): Promise<Boot> {
  const [snapshot, settings] = await Promise.all([readDigestSnapshot(), readDigestSettings()]);
  const identity = identityFromRows(snapshot?.members ?? [], snapshot?.syncSettings);
  const ready = snapshot?.ready ?? null;
  return {
    now,
    timeZone,
    isMinimal: settings.isMinimal,
    rawRituals: settings.rawRituals,
    identity,
    ready,
    freshness: freshness(ready, snapshot?.pending ?? null, {
      day: dayString(localDay(now, timeZone)),
      timeZone,
      settingsKey: settingsKey(meIdsOf(identity), settings.rawRituals),
    }),
  };
}
