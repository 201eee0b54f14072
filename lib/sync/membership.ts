import { uuidv7 } from 'uuidv7';
import { err, ok, type Result } from '../model';
import type { CommonplaceDb } from '../db/schema';
import { clearOutbox, outboxTables, renumber, retrySetAside } from '../db/outbox';
import { syncState, type Membership } from '../db/sync-state';
import { thanksRepository } from '../db/thanks';
import { rejectedDraft } from './merge';
import { DisplayNameSchema, JoinResponseSchema, MemberSchema, parseInviteLink } from './protocol';
import { call, describeCallError, type Fetcher, type EndpointCall } from './transport';
import { INSECURE_ENDPOINT, isTokenSafeEndpoint, serverKey } from './endpoint';

/** Revokes the token the call is made with (sign out, or give back a token we refuse to use). */
const revokeThisToken: EndpointCall = (api) => api.v1.tokens[':id'].$delete({ param: { id: 'current' } });

/** Joining, leaving and signing out: what the options page does, kept out of React so it is testable. */
export function memberships(db: CommonplaceDb, fetcher: Fetcher, now: () => number = Date.now) {
  const state = syncState(db);

  /** Removes a community from this device: its cached notes, thanks and queue. Unsent words become drafts. */
  async function forget(m: Membership, why: string): Promise<void> {
    await db.transaction('rw', outboxTables(db), async () => {
      const notes = await db.notes.where('communityId').equals(m.communityId).toArray();
      for (const n of notes) {
        if (n.sync?.isPending && n.deletedAt === undefined && n.author?.id === m.memberId) {
          await db.notes.add(rejectedDraft(n, why, { newId: uuidv7, now: now() }));
        }
      }
      await db.notes.where('communityId').equals(m.communityId).delete();
      await thanksRepository(db).deleteCommunity(m.communityId);
      await clearOutbox(db, m.communityId);
      await state.deleteMembership(m.communityId);
    });
  }

  return {
    /** Trades an invite (link or bare code) for a member token; the link's endpoint wins over `endpoint`. */
    async join(input: { endpoint?: string; invite: string; displayName: string }): Promise<Result<Membership>> {
      const invite = parseInviteLink(input.invite);
      if (!invite) return err('That is not an invite link or code');
      const endpoint = (invite.endpoint ?? input.endpoint ?? '').replace(/\/+$/, '');
      if (!/^https?:\/\/[^/]/.test(endpoint)) return err('Enter the endpoint URL (http:// or https://)');
      if (!isTokenSafeEndpoint(endpoint)) return err(INSECURE_ENDPOINT);
      const name = DisplayNameSchema.safeParse(input.displayName);
      if (!name.success) return err('Enter a display name (up to 80 characters)');
      const body = { code: invite.code, displayName: name.data };
      const res = await call(fetcher, endpoint, (api) => api.v1.join.$post({ json: body }), JoinResponseSchema, {
        now: now(),
      });
      if (!res.ok)
        return err(
          res.error.status === 404 || res.error.code === 'invite_invalid'
            ? 'This invite is unknown, used up or expired'
            : describeCallError(res.error),
        );
      const { community, member, token } = res.value;
      const held = await state.membership(community.id);
      if (held && serverKey(held.endpoint) !== serverKey(endpoint)) {
        // Another server claims a community we hold through its own server: never let it take that place
        // (its token, where our notes go, whose tombstones we apply). Give back the token it just issued.
        await call(fetcher, endpoint, revokeThisToken, null, { token, now: now() });
        return err(
          `Not joined: you are already a member of “${held.communityName}” through ${held.endpoint}, and ${endpoint} ` +
            'claims the same community. Nothing changed here. If the community really moved, leave it first.',
        );
      }
      const joined: Membership = {
        communityId: community.id,
        communityName: community.name,
        memberId: member.id,
        role: member.role,
        token,
        endpoint,
        isEnabled: true,
        cursor: null,
        epoch: community.epoch,
        lastSyncAt: null,
        lastError: null,
        attempt: 0,
        notBefore: 0,
      };
      await state.putMembership(joined);
      await state.saveSettings({ endpoint, displayName: name.data });
      await renumber(db, community.id, 1); // a new member's mutation numbers start at 1
      return ok(joined);
    },

    /** Leaves on the server (revoking this member's tokens), then forgets it here even if the server is away. */
    async leave(communityId: string): Promise<Result<void>> {
      const m = await state.membership(communityId);
      if (!m) return err('Not a member of that community');
      await call(fetcher, m.endpoint, (api) => api.v1.members.me.$delete(), null, { token: m.token, now: now() });
      await forget(m, 'Not synced before you left the community');
      return ok(undefined);
    },

    /** Revokes this device's tokens and forgets every community here. */
    async signOut(): Promise<void> {
      for (const m of await state.memberships()) {
        await call(fetcher, m.endpoint, revokeThisToken, null, { token: m.token, now: now() });
        await forget(m, 'Not synced before you signed out');
      }
    },

    /** The user's retry of the changes set aside in a community (they go back in its queue). */
    retrySetAside: (communityId: string) => retrySetAside(db, communityId),

    async setEnabled(communityId: string, isEnabled: boolean): Promise<void> {
      await state.patchMembership(communityId, { isEnabled, notBefore: 0, attempt: 0 });
    },

    /** Renames you in every community (best effort per community; the first failure is reported). */
    async setDisplayName(displayName: string): Promise<Result<void>> {
      const name = DisplayNameSchema.safeParse(displayName);
      if (!name.success) return err('Enter a display name (up to 80 characters)');
      await state.saveSettings({ displayName: name.data });
      for (const m of await state.memberships()) {
        const body = { displayName: name.data };
        const res = await call(fetcher, m.endpoint, (api) => api.v1.members.me.$patch({ json: body }), MemberSchema, {
          token: m.token,
          now: now(),
        });
        if (!res.ok) return err(`${m.communityName}: ${describeCallError(res.error)}`);
      }
      return ok(undefined);
    },
  };
}
export type Memberships = ReturnType<typeof memberships>;
