import { err, ok, type Result } from '../model';
import type { CommonplaceDb } from '../db/schema';
import { syncState } from '../db/sync-state';
import { fetchMe, fetchMembers, moderateMemberNotes, moderateNote, type ModeratorAccess } from './moderation';
import {
  buildModerationView,
  canModerate,
  describeModerationError,
  describeRemoval,
  type ModerationView,
} from './moderation-view';
import type { Member } from './protocol';
import { describeCallError, type Fetcher } from './transport';

/** What the moderation section shows for one community; `null` for a member who may not moderate. */
export type ModerationLoad = { me: Member; view: ModerationView } | null;

/**
 * The options page's moderation: who is asking (their role, from the endpoint), the community's members, and its
 * notes from this browser's copy; removals go to the endpoint, whose tombstones reach every browser by sync.
 */
export function moderationDesk(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);
  async function access(communityId: string): Promise<ModeratorAccess | null> {
    const m = await state.membership(communityId);
    return m ? { fetcher, endpoint: m.endpoint, token: m.token } : null;
  }
  async function remove(
    communityId: string,
    send: (a: ModeratorAccess) => ReturnType<typeof moderateNote>,
  ): Promise<Result<string>> {
    const a = await access(communityId);
    if (!a) return err('Not removed: this browser is not a member of that community.');
    const res = await send(a);
    return res.ok ? ok(describeRemoval(res.value.deleted)) : err(describeModerationError(res.error));
  }

  return {
    async load(communityId: string): Promise<Result<ModerationLoad>> {
      const a = await access(communityId);
      if (!a) return ok(null);
      const me = await fetchMe(a, now());
      if (!me.ok) return err(`Moderation unavailable: ${describeCallError(me.error)}`);
      if (!canModerate(me.value.role)) return ok(null);
      const members = await fetchMembers(a, now());
      if (!members.ok) return err(`Moderation unavailable: ${describeCallError(members.error)}`);
      const notes = await db.notes.where('communityId').equals(communityId).toArray();
      return ok({ me: me.value, view: buildModerationView(members.value, communityId, notes) });
    },
    removeNote: (communityId: string, noteId: string) => remove(communityId, (a) => moderateNote(a, noteId, now())),
    removeMemberNotes: (communityId: string, memberId: string) =>
      remove(communityId, (a) => moderateMemberNotes(a, memberId, now())),
  };
}
export type ModerationDesk = ReturnType<typeof moderationDesk>;
