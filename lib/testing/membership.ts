import type { CommonplaceDb } from '../db/schema';
import { syncState, type Membership } from '../db/sync-state';

/** Tests only: a membership of community `c1` as member `me`, with `over` changed. */
export function testMembership(over: Partial<Membership> = {}): Membership {
  return {
    communityId: 'c1',
    communityName: 'C',
    memberId: 'me',
    token: 'tok',
    endpoint: 'http://x',
    isEnabled: true,
    cursor: null,
    epoch: null,
    lastSyncAt: null,
    lastError: null,
    attempt: 0,
    notBefore: 0,
    ...over,
  };
}

/**
 * Tests only: this browser joined community `c1` as member `me` (display name Ada), so writes to `c1` are the
 * user's own and go through the outbox. One place, so repository tests set up a membership the same way.
 */
export async function joinCommunityForTest(db: CommonplaceDb): Promise<void> {
  await syncState(db).putMembership(testMembership());
  await syncState(db).saveSettings({ displayName: 'Ada' });
}
