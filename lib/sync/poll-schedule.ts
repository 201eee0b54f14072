import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { err, ok, type Result } from '../model';
import { PollInputSchema, type Poll, type PollInput } from '../pulse/schema';
import { fetchMe } from './moderation';
import { canModerate } from './moderation-view';
import { deletePoll, fetchPolls, putPoll, type PollAccess } from './polls';
import { describeCallError, type Fetcher } from './transport';

/**
 * A facilitator's pulse polls in one community, for the options page: list, schedule or edit (the same PUT
 * with a client-made id), pause and resume (`isActive`), stop (delete). The endpoint's word on this member's role
 * decides whether the section shows (a member promoted since joining sees it); with sync paused this browser
 * does not talk to that endpoint, so nothing shows. A refusal comes back in words. Every poll is checked against the
 * route's own schema before it leaves, so a bad form changes nothing anywhere.
 */
export function pollSchedule(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  const notMember = 'This browser is not a member of that community.';
  async function access(communityId: string): Promise<(PollAccess & { isEnabled: boolean }) | null> {
    const m = await state.membership(communityId);
    return m ? { fetcher, endpoint: m.endpoint, token: m.token, isEnabled: m.isEnabled } : null;
  }
  return {
    /** null: this member's role does not schedule polls (the section is not shown). */
    async load(communityId: string): Promise<Result<Poll[] | null>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      if (!a.isEnabled) return ok(null);
      const me = await fetchMe(a, now());
      if (!me.ok) return err(`Polls unavailable: ${describeCallError(me.error)}`);
      if (!canModerate(me.value.role)) return ok(null);
      const res = await fetchPolls(a, now());
      return res.ok ? ok(res.value) : err(`Polls unavailable: ${describeCallError(res.error)}`);
    },
    async save(communityId: string, id: string, input: PollInput): Promise<Result<Poll>> {
      const checked = PollInputSchema.safeParse(input);
      if (!checked.success) return err(`Not saved: ${checked.error.issues.map((i) => i.message).join('; ')}`);
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await putPoll(a, id, checked.data, now());
      return res.ok ? ok(res.value) : err(`Not saved: ${describeCallError(res.error)}`);
    },
    async remove(communityId: string, id: string): Promise<Result<void>> {
      const a = await access(communityId);
      if (!a) return err(notMember);
      const res = await deletePoll(a, id, now());
      return res.ok ? ok(undefined) : err(`Not stopped: ${describeCallError(res.error)}`);
    },
  };
}
export type PollSchedule = ReturnType<typeof pollSchedule>;
