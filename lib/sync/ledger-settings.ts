import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { ImpactSettingsSchema, ImpactSettingsViewSchema, type ImpactSettings } from '../impact/schema';
import { err, ok, type Result } from '../model';
import { fetchMe } from './moderation';
import { call, describeCallError, type Fetcher } from './transport';

/**
 * A community's impact ledger settings for its admins (GET/PUT /v1/community/impact/settings): k, and the IANA zone
 * whose calendar months the ledger counts in. The role comes from the endpoint (`/v1/members/me`), not from this
 * browser's copy; for anyone else `load` gives null and nothing shows. Input is checked with the route's own
 * schema before it leaves: a bad zone or k is said in words and nothing is sent.
 */
export function ledgerSettings(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  const notMember = 'This browser is not a member of that community.';
  return {
    /** null: not an admin there, or sync is paused (the section is not shown). */
    async load(communityId: string): Promise<Result<ImpactSettings | null>> {
      const m = await state.membership(communityId);
      if (!m) return err(notMember);
      if (!m.isEnabled) return ok(null);
      const a = { fetcher, endpoint: m.endpoint, token: m.token };
      const me = await fetchMe(a, now());
      if (!me.ok) return err(`The ledger settings could not be read: ${describeCallError(me.error)}`);
      if (me.value.role !== 'admin') return ok(null);
      const res = await call(
        fetcher,
        m.endpoint,
        (api) => api.v1.community.impact.settings.$get(),
        ImpactSettingsViewSchema,
        { token: m.token, now: now() },
      );
      if (res.ok) return ok(res.value);
      if (res.error.status === 403) return ok(null);
      return err(`The ledger settings could not be read: ${describeCallError(res.error)}`);
    },
    async save(communityId: string, input: { k: number; timeZone: string }): Promise<Result<ImpactSettings>> {
      if (!Number.isInteger(input.k))
        return err('Not saved: the smallest group must be a whole number. Nothing was changed.');
      const checked = ImpactSettingsSchema.safeParse({ k: input.k, timeZone: input.timeZone.trim() });
      if (!checked.success) {
        const field = (p: PropertyKey | undefined) => (p === 'timeZone' ? 'the time zone' : 'the smallest group');
        return err(
          `Not saved: ${checked.error.issues.map((i) => `${field(i.path[0])} ${i.message}`).join('; ')}. Nothing was changed.`,
        );
      }
      const m = await state.membership(communityId);
      if (!m) return err(notMember);
      const res = await call(
        fetcher,
        m.endpoint,
        (api) => api.v1.community.impact.settings.$put({ json: checked.data }),
        ImpactSettingsViewSchema,
        { token: m.token, now: now() },
      );
      return res.ok ? ok(res.value) : err(`Not saved: ${describeCallError(res.error)}`);
    },
  };
}
export type LedgerSettingsDesk = ReturnType<typeof ledgerSettings>;
