import type { Ritual } from '../digest/types';
import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { err, ok, type Result } from '../model';
import { CalendarFeedCreatedSchema, CalendarFeedInfoSchema, type CalendarFeedCreated } from './protocol';
import { call, describeCallError, type Fetcher } from './transport';

/** Where this browser keeps a community's feed address: the endpoint stores only its hash, so it is shown once. */
const key = (communityId: string) => `calendar:feed:${communityId}`;

/** What the rituals calendar's "Subscribe" panel shows: the address, or why there is none. */
export type CalendarFeedState =
  | { kind: 'none' }
  | { kind: 'active'; feed: CalendarFeedCreated }
  /** The endpoint has a feed for this member but this browser never saw its address (another device made it). */
  | { kind: 'elsewhere' };

/**
 * The new tab's calendar subscription for each community: a secret feed address from the endpoint (rituals and
 * zone as this new tab shows them), kept in this browser so it can be copied again; "Rotate" replaces it (the
 * old one stops working at once), "Stop" revokes it. Failures are values, in words.
 */
export function calendarFeeds(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  async function access(communityId: string) {
    const m = await state.membership(communityId);
    return m ? { endpoint: m.endpoint, token: m.token } : null;
  }
  const notMember = 'This browser is not a member of that community.';

  return {
    async load(communityId: string): Promise<Result<CalendarFeedState>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const info = await call(fetcher, a.endpoint, (api) => api.v1.members.me.calendar.$get(), CalendarFeedInfoSchema, {
        token: a.token,
        now: now(),
      });
      if (!info.ok) return err(`Calendar unavailable: ${describeCallError(info.error)}`);
      const kept = (await db.kv.get(key(communityId)))?.value as CalendarFeedCreated | undefined;
      if (!info.value.isActive) {
        if (kept) await db.kv.delete(key(communityId)); // revoked elsewhere: the address is dead
        return ok({ kind: 'none' });
      }
      const parsed = CalendarFeedCreatedSchema.safeParse(kept);
      return ok(parsed.success ? { kind: 'active', feed: parsed.data } : { kind: 'elsewhere' });
    },
    /** A new address (the first, or a rotation: any earlier one stops working). */
    async subscribe(
      communityId: string,
      rituals: readonly Ritual[],
      timeZone: string,
    ): Promise<Result<CalendarFeedCreated>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await call(
        fetcher,
        a.endpoint,
        (api) => api.v1.members.me.calendar.$post({ json: { timeZone, rituals: [...rituals] } }),
        CalendarFeedCreatedSchema,
        { token: a.token, now: now() },
      );
      if (!res.ok) return err(`No calendar link: ${describeCallError(res.error)}`);
      await db.kv.put({ key: key(communityId), value: res.value });
      return ok(res.value);
    },
    /** Keeps a live feed's schedule in step with an edited one; nothing to do without a feed. */
    async update(communityId: string, rituals: readonly Ritual[], timeZone: string): Promise<Result<boolean>> {
      const a = await access(communityId);
      if (!a) return ok(false);
      const res = await call(
        fetcher,
        a.endpoint,
        (api) => api.v1.members.me.calendar.$put({ json: { timeZone, rituals: [...rituals] } }),
        CalendarFeedInfoSchema,
        { token: a.token, now: now() },
      );
      if (!res.ok && res.error.kind === 'http' && res.error.status === 404) return ok(false);
      return res.ok ? ok(true) : err(`Calendar not updated: ${describeCallError(res.error)}`);
    },
    async revoke(communityId: string): Promise<Result<void>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await call(fetcher, a.endpoint, (api) => api.v1.members.me.calendar.$delete(), null, {
        token: a.token,
        now: now(),
      });
      if (!res.ok) return err(`Link not turned off: ${describeCallError(res.error)}`);
      await db.kv.delete(key(communityId));
      return ok(undefined);
    },
  };
}
export type CalendarFeeds = ReturnType<typeof calendarFeeds>;
