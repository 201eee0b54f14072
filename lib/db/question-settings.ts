import { storage } from 'wxt/utils/storage';
import { LaddersSchema, type Ladders } from '../questions';

/**
 * Each community's escalation ladder (issue 16), as edited on the options page; communities without one climb
 * `DEFAULT_LADDER`. Kept with the other per-community settings the new tab and the background both read.
 */
export const escalationLadders = storage.defineItem<Record<string, unknown>>('local:questions:ladders', {
  fallback: {},
  version: 1,
});

/** The stored ladders that are valid; a damaged entry falls back to the default rather than stopping the digest. */
export async function readLadders(): Promise<Ladders> {
  const raw = await escalationLadders.getValue();
  const out: Record<string, Ladders[string]> = {};
  for (const [cm, ladder] of Object.entries(raw ?? {})) {
    const parsed = LaddersSchema.safeParse({ [cm]: ladder });
    if (parsed.success) out[cm] = parsed.data[cm]!;
  }
  return out;
}

/** Stores one community's ladder; the caller has validated it with `LadderSchema`. */
export async function saveLadder(communityId: string, ladder: Ladders[string]): Promise<void> {
  const all = await escalationLadders.getValue();
  await escalationLadders.setValue({ ...all, [communityId]: ladder });
}
