import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { WeeklySummaryInputSchema, WeeklySummarySchema, type WeeklySummarySetting } from '../impact/schema';
import { err, ok, type Result } from '../model';
import { call, describeCallError, type Fetcher } from './transport';

/**
 * A facilitator's own address for the weekly summary by e-mail, in one community (PUT/GET
 * /v1/community/me/weekly-summary). The endpoint answers a member 403: for them `load` gives null and nothing
 * shows. With sync paused this browser does not talk to that endpoint, so nothing shows either. An address is
 * checked with the route's own schema before it leaves: a bad one changes nothing anywhere.
 */
export function weeklySummary(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  const notMember = 'This browser is not a member of that community.';
  return {
    /** null: this member's role gets no weekly summary, or sync is paused (the field is not shown). */
    async load(communityId: string): Promise<Result<WeeklySummarySetting | null>> {
      const m = await state.membership(communityId);
      if (!m) return err(notMember);
      if (!m.isEnabled) return ok(null);
      const res = await call(
        fetcher,
        m.endpoint,
        (api) => api.v1.community.me['weekly-summary'].$get(),
        WeeklySummarySchema,
        { token: m.token, now: now() },
      );
      if (res.ok) return ok(res.value);
      if (res.error.status === 403) return ok(null);
      return err(`The weekly summary setting could not be read: ${describeCallError(res.error)}`);
    },
    /** `email` null switches the summary off. */
    async save(communityId: string, email: string | null): Promise<Result<WeeklySummarySetting>> {
      const checked = WeeklySummaryInputSchema.safeParse({ email: email === null ? null : email.trim() });
      if (!checked.success) {
        return err(`Not saved: the address ${checked.error.issues.map((i) => i.message).join('; ')}.`);
      }
      const m = await state.membership(communityId);
      if (!m) return err(notMember);
      const res = await call(
        fetcher,
        m.endpoint,
        (api) => api.v1.community.me['weekly-summary'].$put({ json: checked.data }),
        WeeklySummarySchema,
        { token: m.token, now: now() },
      );
      return res.ok ? ok(res.value) : err(`Not saved: ${describeCallError(res.error)}`);
    },
  };
}
export type WeeklySummaryDesk = ReturnType<typeof weeklySummary>;
