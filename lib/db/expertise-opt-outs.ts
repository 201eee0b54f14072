import { z } from 'zod';
import type { CommonplaceDb } from './schema';

/** Where a community's opt-out list is kept (the kv table): one key per community. */
const PREFIX = 'expertise:opt-outs:';
const SavedSchema = z.strictObject({ memberIds: z.array(z.string()), fetchedAt: z.number() });

/**
 * The members who opted out of who-knows-what, per community, as the endpoint last said
 * (GET /v1/members/expertise-opt-outs at sync). Read by the question board and by routing: never suggested.
 */
export function expertiseOptOutsRepository(db: CommonplaceDb) {
  return {
    put: (communityId: string, memberIds: readonly string[], fetchedAt: number) =>
      db.kv.put({ key: PREFIX + communityId, value: { memberIds: [...memberIds], fetchedAt } }),
    /** One community's list; an unreadable or missing row is an empty list. */
    async ofCommunity(communityId: string): Promise<Set<string>> {
      const parsed = SavedSchema.safeParse((await db.kv.get(PREFIX + communityId))?.value);
      return new Set(parsed.success ? parsed.data.memberIds : []);
    },
    /** Every community's opt-outs together (member ids are server ids, unique across communities). */
    async all(): Promise<Set<string>> {
      const rows = await db.kv.where('key').startsWith(PREFIX).toArray();
      const out = new Set<string>();
      for (const r of rows) {
        const parsed = SavedSchema.safeParse(r.value);
        if (parsed.success) for (const id of parsed.data.memberIds) out.add(id);
      }
      return out;
    },
    deleteCommunity: (communityId: string) => db.kv.delete(PREFIX + communityId),
  };
}
