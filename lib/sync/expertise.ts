import type { CommonplaceDb } from '../db/schema';
import { expertiseOptOutsRepository } from '../db/expertise-opt-outs';
import { syncState } from '../db/sync-state';
import { err, ok, type Result } from '../model';
import { ExpertiseOptOutsSchema, ExpertiseSettingSchema } from './protocol';
import { call, describeCallError, type Fetcher } from './transport';

/**
 * Who-knows-what through the endpoint: the opt-out list every browser honours (fetched at sync, cached in
 * IndexedDB), and this member's own switch. Failures are values, in words; a failed call changes nothing here.
 */
export function expertiseSettings(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  const optOuts = expertiseOptOutsRepository(db);
  const notMember = 'This browser is not a member of that community.';

  return {
    /** Fetches each enabled community's opt-out list and keeps it; returns the communities that failed. */
    async refreshOptOuts(): Promise<{ communityId: string; error: string }[]> {
      const failed: { communityId: string; error: string }[] = [];
      for (const m of await state.memberships()) {
        if (!m.isEnabled) continue;
        const res = await call(
          fetcher,
          m.endpoint,
          (api) => api.v1.members['expertise-opt-outs'].$get(),
          ExpertiseOptOutsSchema,
          { token: m.token, now: now() },
        );
        if (res.ok) await optOuts.put(m.communityId, res.value.memberIds, now());
        else failed.push({ communityId: m.communityId, error: describeCallError(res.error) });
      }
      return failed;
    },
    /** Whether this member is opted out in that community. */
    async load(communityId: string): Promise<Result<boolean>> {
      const m = await state.membership(communityId);
      if (!m) return err(notMember);
      const res = await call(fetcher, m.endpoint, (api) => api.v1.members.me.expertise.$get(), ExpertiseSettingSchema, {
        token: m.token,
        now: now(),
      });
      return res.ok ? ok(res.value.isOptedOut) : err(`Could not read your setting: ${describeCallError(res.error)}`);
    },
    /** Opts out (or back in); the cached list follows at once so this browser stops suggesting you now. */
    async set(communityId: string, isOptedOut: boolean): Promise<Result<boolean>> {
      const m = await state.membership(communityId);
      if (!m) return err(notMember);
      const res = await call(
        fetcher,
        m.endpoint,
        (api) => api.v1.members.me.expertise.$put({ json: { isOptedOut } }),
        ExpertiseSettingSchema,
        { token: m.token, now: now() },
      );
      if (!res.ok) return err(`Your setting was not changed: ${describeCallError(res.error)}`);
      const list = await optOuts.ofCommunity(communityId);
      if (res.value.isOptedOut) list.add(m.memberId);
      else list.delete(m.memberId);
      await optOuts.put(communityId, [...list], now());
      return ok(res.value.isOptedOut);
    },
  };
}
