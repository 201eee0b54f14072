import type { Database } from '../db/database';
import type { CommunityHead } from '../http/env';
import { Memo } from '../http/memo';

/** The channel migration 006's triggers notify with a community id whenever its head moves ('*': all). */
export const HEAD_CHANNEL = 'commonplace_head';

/**
 * Each community's head (epoch, last version, its batch token) as this process last read it, so a poll at the
 * head needs no query. `current` answers only what is known to be current; readers take `stamp()` before they
 * query and `set` drops what a write overtook meanwhile (see http/memo.ts).
 */
export interface HeadCache {
  current(communityId: string): Promise<CommunityHead | undefined>;
  stamp(): number;
  set(communityId: string, head: CommunityHead, stamp: number): void;
  /** After this process committed a change of the head (others hear of it through the database). */
  invalidate(communityId?: string): void;
  close(): void;
}

/**
 * PGlite: this process is the only writer, so its own invalidations keep the memo exact. A real PostgreSQL:
 * other processes write too, so the memo follows the channel their commits notify, and each answer waits for
 * a fence (db/listen.ts) that proves every commit finished before the poll arrived has been heard. A poll at
 * the head then costs one shared `SELECT 1` instead of its own queries; while the channel is down, nothing
 * is cached and every poll asks the database.
 */
export function headCache(db: Database): HeadCache {
  const memo = new Memo<CommunityHead>();
  if (!db.subscribe) {
    return {
      current: async (id) => memo.get(id),
      stamp: () => memo.stamp(),
      set: (id, head, stamp) => memo.set(id, head, stamp),
      invalidate: (id) => memo.invalidate(id),
      close: () => {},
    };
  }
  const subscription = db.subscribe(HEAD_CHANNEL, {
    onMessage: (payload) => memo.invalidate(payload === '*' ? undefined : payload),
    onReset: () => memo.invalidate(),
  });
  return {
    async current(id) {
      if (memo.get(id) === undefined) return undefined;
      // The notice of a commit that finished before this poll may still be on its way: wait until it is in.
      if (!(await subscription.fence())) return undefined;
      return memo.get(id);
    },
    stamp: () => memo.stamp(),
    set: (id, head, stamp) => memo.set(id, head, stamp),
    invalidate: (id) => memo.invalidate(id),
    close: () => subscription.close(),
  };
}
